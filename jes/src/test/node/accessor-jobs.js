// Drives IBM's zos-node-accessor 2 (unmodified, from CLIENTS_DIR/node_modules) against a z/OS FTP server's JES
// interface: submitJCL, getJobStatus until the job is on the OUTPUT queue, listJobs, getJobLog (one spool file and
// all of them), deleteJob, listJobs again. Prints one JSON object with what each call returned, for the jes module's
// NodeAccessorJesTest to check. Usage: node accessor-jobs.js CLIENTS_DIR HOST PORT USER PASSWORD JCL_FILE
'use strict';
const fs = require('fs');
const path = require('path');
const [clientsDir, host, port, user, password, jclFile] = process.argv.slice(2);
const { ZosAccessor } = require(path.join(clientsDir, 'node_modules', 'zos-node-accessor'));

async function main() {
  const accessor = new ZosAccessor();
  await accessor.connect({ host, port: Number(port), user, password, connTimeout: 20000, pasvTimeout: 20000 });
  const result = {};
  try {
    const jobId = await accessor.submitJCL(fs.readFileSync(jclFile, 'utf8'));
    result.jobId = jobId;
    let status;
    for (let i = 0; i < 120; i++) {
      status = await accessor.getJobStatus({ jobId, owner: '*' });
      if (status.status === 'OUTPUT') {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    result.status = status;
    result.jobs = await accessor.listJobs({ jobName: '*', owner: user.toUpperCase() });
    result.log1 = await accessor.getJobLog({ jobId, owner: '*', fileId: 1 });
    result.logAll = await accessor.getJobLog({ jobId, owner: '*' });
    await accessor.deleteJob({ jobId, owner: '*' });
    result.deleted = true;
    result.jobsAfterDelete = await accessor.listJobs({ jobName: '*', owner: user.toUpperCase() });
  } finally {
    await accessor.close();
  }
  process.stdout.write(JSON.stringify(result, null, 1) + '\n');
}

main().catch((error) => {
  process.stderr.write('zos-node-accessor failed: ' + (error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
