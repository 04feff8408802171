#!/usr/bin/env node
import { launch } from './launch.js';
process.exitCode = await launch();
