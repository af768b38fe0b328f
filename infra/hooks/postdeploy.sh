#!/bin/sh
# azd postdeploy hook. Blob triggers on Flex Consumption are fed by Event Grid, whose webhook carries the
# blobs_extension system key: that key exists, and the endpoint answers Event Grid's validation, only once the
# deployed code has started. So the first `azd up` provisions without the subscriptions, deploys the code, wakes
# the host and provisions again with them; later runs include them from the start.
set -eu

if [ "${DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS:-false}" = "true" ]; then
  exit 0
fi

app_url="${AZURE_FUNCTION_APP_URL:?AZURE_FUNCTION_APP_URL is not set; run azd provision first}"

echo "Waiting for the function host at $app_url to start (it creates the blobs extension key)..."
attempt=0
# Any answer below 500 means the host is up and has loaded the functions.
until status="$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 30 "$app_url/api/health")" &&
  [ "$status" -ge 200 ] && [ "$status" -lt 500 ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 20 ]; then
    echo "The function host did not answer $app_url/api/health; run 'azd hooks run postdeploy' once it does." >&2
    exit 1
  fi
  sleep 15
done

echo "Provisioning the Event Grid subscriptions of the blob triggers..."
azd env set DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS true
if ! azd provision --no-prompt; then
  azd env set DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS false
  exit 1
fi
