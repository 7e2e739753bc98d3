#!/usr/bin/env node
// The installed `sessionkit` command. A committed launcher (not the build output itself), so package managers can
// link the bin in a workspace before the first build; it only loads the built CLI.
import "../dist/cli.js";
