/** HTTP schemas and routes: Identity requests, signed audit checkpoints and retention (issue 3). */
export {};
