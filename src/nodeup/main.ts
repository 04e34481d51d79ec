process.stderr.write('not implemented yet: nodeup\n');
process.exitCode = 2;
