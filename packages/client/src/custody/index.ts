/** Client side of: Identity requests, signed audit checkpoints and retention. */
export {};
