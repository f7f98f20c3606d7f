package io.firedrill.cli.bench;

/** One target judged: what was required, what was measured (as printed), and the outcome. */
record Check(String target, String measured, Verdict verdict) {}
