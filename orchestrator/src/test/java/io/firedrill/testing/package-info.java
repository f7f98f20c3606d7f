/**
 * Test support shared by the orchestrator's test packages: {@link io.firedrill.testing.DistProcesses} starts
 * Firedrill commands as real processes from the built distribution, and {@link io.firedrill.testing.SharedPostgres}
 * hands out fresh databases in one throw-away PostgreSQL cluster per test JVM.
 */
package io.firedrill.testing;
