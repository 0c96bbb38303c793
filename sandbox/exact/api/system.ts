import { amsterdamOffsetSec, isoLocal } from '../clock';
import { SCHEMAS } from '../entities';
import { badRequest } from '../errors';
import { jsonReply, Reply } from '../http/reply';
import { padCode } from '../ids';
import { parseOptions } from '../odata/options';
import { fieldOut } from '../serialize';
import type { Rec } from '../store';
import { ApiRequest, viewOf } from './request';

function project(schema: typeof SCHEMAS.Me, rec: Rec, uri: string, select?: Set<string>): Rec {
	const result: Rec = { __metadata: { uri, type: schema.typeName } };
	for (const f of schema.fields) {
		if (!select || select.has(f.name)) result[f.name] = fieldOut(f, rec[f.name]);
	}
	return result;
}

/** GET /api/v1/current/Me: the user, in a collection envelope although there is one. */
export function handleMe(req: ApiRequest): Reply {
	const { core } = req;
	const user = core.user;
	const now = core.clock.now();
	const current = core.store.division(user.currentDivision);
	const me: Rec = {
		UserID: user.id,
		UserName: user.userName,
		Email: user.userName,
		FullName: user.fullName,
		FirstName: user.firstName,
		LastName: user.lastName,
		Title: 'Mr.',
		Gender: 'O',
		Language: 'EN',
		LanguageCode: 'en-GB',
		Legislation: 1,
		CurrentDivision: user.currentDivision,
		AccountingDivision: user.currentDivision,
		DivisionCustomer: '0b5c5d2e-7c1f-4a53-9d6a-3012345a0001',
		DivisionCustomerCode: padCode(1045),
		DivisionCustomerName: current?.description ?? null,
		DivisionCustomerVatNumber: `NL8${String(user.currentDivision).padStart(8, '0')}B01`,
		DivisionCustomerSiretNumber: '',
		CustomerCode: padCode(1045),
		EmployeeID: '00000000-0000-0000-0000-000000000000',
		PackageCode: 'EOLAPPCENTER',
		ServerTime: isoLocal(core.clock.localNow()),
		ServerUtcOffset: amsterdamOffsetSec(now),
		IsClientUser: false,
		IsEmployeeSelfServiceUser: false,
		IsMyFirmLiteUser: false,
		IsMyFirmPortalUser: false,
		IsStarterUser: false,
		IsOEIMigrationMandatory: false,
	};
	const opts = parseOptions(req.pairs, SCHEMAS.Me);
	const uri = `${req.base}/api/v1/current/Me(guid'${user.id}')`;
	return jsonReply(200, { d: { results: [project(SCHEMAS.Me, me, uri, opts.select?.fields)] } });
}

/** GET read/logistics/StockPosition?itemId=guid'…': one item, all warehouses, `d` as an array. */
export function handleStockPosition(req: ApiRequest): Reply {
	const schema = SCHEMAS.StockPosition;
	const opts = parseOptions(req.pairs, schema);
	const raw = opts.params.get('itemId');
	if (raw === undefined) throw badRequest("The parameter 'itemId' is required.");
	const m = /^guid'([0-9a-fA-F-]{36})'$/.exec(raw.trim());
	if (!m) throw badRequest(`Bad Request - Error in query syntax: itemId=${raw}`);
	const itemId = m[1].toLowerCase();
	const v = viewOf(req);
	const item = v.get('Items', itemId);
	if (!item) return jsonReply(200, { d: [] });
	const s = v.itemStock(itemId);
	const rec: Rec = {
		ItemId: itemId,
		InStock: s.current,
		FreeStock: s.current - s.reserved,
		PlanningIn: s.planningIn,
		PlanningOut: s.planningOut,
		ProjectedStock: s.current + s.planningIn - s.planningOut,
		ReservedStock: s.reserved,
	};
	const uri = `${req.base}/api/v1/${req.division}/read/logistics/StockPosition?itemId=guid'${itemId}'`;
	return jsonReply(200, { d: [project(schema, rec, uri, opts.select?.fields)] });
}
