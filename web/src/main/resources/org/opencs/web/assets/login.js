// The logon page: user IDs are upper case on z/OS; show what will be sent.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const userid = document.getElementById('userid');
  if (userid) {
    userid.addEventListener('input', () => {
      userid.value = userid.value.toUpperCase();
    });
  }
});
