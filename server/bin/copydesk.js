#!/usr/bin/env node
'use strict';
// The bundled command line; `npm run build` writes it.
require('../out/cli.js');
