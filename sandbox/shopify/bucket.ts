/** A leaky bucket of points that refills at `restoreRate` per second up to `size`. */
export class LeakyBucket {
	private level: number;
	private at: number;

	constructor(
		public size: number,
		public restoreRate: number,
		private readonly now: () => number = Date.now,
	) {
		this.level = size;
		this.at = now();
	}

	/** Points available right now. */
	available(): number {
		const t = this.now();
		this.level = Math.min(this.size, this.level + ((t - this.at) / 1000) * this.restoreRate);
		this.at = t;
		return this.level;
	}

	/** Takes `points` if available; returns false (and takes nothing) otherwise. */
	take(points: number): boolean {
		if (this.available() < points) return false;
		this.level -= points;
		return true;
	}

	/** Gives back points (the part of a requested cost a query did not use). */
	refund(points: number): void {
		this.level = Math.min(this.size, this.available() + points);
	}

	/** Sets size and rate; refills to the new size unless `level` is given. */
	configure(size: number, restoreRate: number, level?: number): void {
		this.size = size;
		this.restoreRate = restoreRate;
		this.level = Math.min(size, level ?? size);
		this.at = this.now();
	}

	setLevel(level: number): void {
		this.available();
		this.level = Math.max(0, Math.min(this.size, level));
	}
}
