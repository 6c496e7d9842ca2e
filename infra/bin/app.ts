#!/usr/bin/env -S npx tsx
import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { composeFordel } from './compose';

const app = new App();
composeFordel(app);
// Every synth is checked: an unsuppressed finding is an error annotation and fails `cdk synth`.
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
app.synth();
