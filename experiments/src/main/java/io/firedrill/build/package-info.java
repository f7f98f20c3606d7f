/** Facts about this build of Firedrill (its version) shared by every process. */
package io.firedrill.build;
