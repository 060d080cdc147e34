// Pages behind the logon: show the session's facts from /api/whoami (text only, never HTML).
'use strict';
document.addEventListener('DOMContentLoaded', async () => {
  const facts = document.getElementById('session-facts');
  if (!facts) {
    return;
  }
  try {
    const response = await fetch('/api/whoami', { credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    const me = await response.json();
    facts.textContent = 'Logged on since ' + me.loggedOn + '; the session ends after '
      + me.idleTimeoutMinutes + ' minutes without use.';
  } catch (e) {
    facts.textContent = '';
  }
});
