#!/usr/bin/env bash
# What the tests use besides npm packages: Java 17+ (DynamoDB Local runs on it), the AWS CLI and
# Python's boto3 (the end-to-end tests drive `stepwise serve` with both), and moto's server (an
# SQS, SNS, EventBridge, Scheduler and DynamoDB endpoint for the AWS adapters' tests). Installs whatever is
# missing from Debian's packages; does nothing when all are there.
set -euo pipefail

missing=()
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1 || true)
if [ -z "${java_major}" ] || [ "${java_major}" -lt 17 ]; then missing+=(openjdk-17-jre-headless); fi
command -v aws >/dev/null 2>&1 || missing+=(awscli)
python3 -c 'import boto3' >/dev/null 2>&1 || missing+=(python3-boto3)
python3 -c 'import moto.server' >/dev/null 2>&1 || missing+=(python3-moto python3-flask python3-flask-cors)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing test tools: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "These are missing and installing them needs root: ${missing[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
