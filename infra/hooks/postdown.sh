#!/bin/sh
# azd postdown hook: a new app after `azd down` has no blobs extension key until its code runs, so the next
# `azd up` must provision without the blob trigger subscriptions again (see postdeploy.sh).
set -eu
azd env set DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS false
