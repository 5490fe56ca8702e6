const jsforce = require('jsforce');
function unlock(stdout, opts) {
  const password = stdout.match(/"(.*)"/, '')[1];
  passphrase = opts.passphrase;
  return conn.soap.setPassword(rows[0].Id, password);
}
