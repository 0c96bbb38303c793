/** A fresh output folder per run for the collected texts, secrets and reconciliation rows. */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

module.exports = async () => {
	process.env.CHAOS_OUT_DIR = mkdtempSync(path.join(tmpdir(), 'n8n-exact-chaos-'));
};
