// Who is logged in, and what their role lets them do. The server decides every request on its own (AccessPolicy);
// the UI only uses the role to hide or disable what would be refused anyway, so a mismatch costs a 403 in #error,
// never a hole.

let user = null;
const listeners = new Set();

/** The logged-in user {name, role} (role upper case), or null. */
export function currentUser() {
  return user;
}

export function setUser(next) {
  user = next ? { ...next, role: String(next.role || '').toUpperCase() } : null;
  for (const listener of listeners) {
    listener(user);
  }
}

/** Calls listener(user) on every login and logout. */
export function onUserChange(listener) {
  listeners.add(listener);
}

function hasRole(...roles) {
  return user !== null && roles.includes(user.role);
}

/** Operators and admins change things: start and abort runs, save experiments, HALT. */
export function canOperate() {
  return hasRole('OPERATOR', 'ADMIN');
}

/** Approvers and admins decide approvals (never their own: the server answers 409 for that). */
export function canApprove() {
  return hasRole('APPROVER', 'ADMIN');
}

/** Only an admin ends a HALT. */
export function isAdmin() {
  return hasRole('ADMIN');
}

/** The tooltip of a control the role cannot use, naming the role it takes (as the server's 403 would). */
export function needsOperator() {
  return canOperate() ? null : `Needs role operator or admin; you are ${user ? user.role.toLowerCase() : 'not logged in'}`;
}
