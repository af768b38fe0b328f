#!/usr/bin/env bash
# Deploys RetailFunctions to Azure without azd: provisions infra/main.bicep with infra/env/<env>.bicepparam into a
# resource group, zip-deploys the `dotnet publish` output of the function app, waits for the host and provisions again
# with the Event Grid subscriptions of the blob triggers (they need the code running; see infra/README.md).
#
# Usage: scripts/deploy.sh --resource-group NAME [--env dev|prod] [--name ENV_NAME] [--location REGION]
#                          [--subscription ID] [--skip-code] [--what-if]
#   -g, --resource-group  target resource group (created when --location is given and it does not exist)
#   -e, --env             parameter file infra/env/<env>.bicepparam (default: dev)
#   -n, --name            environment name seeding resource names (AZURE_ENV_NAME; default: the --env value)
#   -l, --location        region for a new resource group; resources go to the resource group's region
#       --subscription    subscription id or name (default: the az CLI's current one)
#       --skip-code       provision only; no publish, no zip deploy, no blob trigger subscriptions
#       --what-if         show what the deployment would change and exit
#   -h, --help            this text
#
# Needs: Azure CLI 2.53+ (bicepparam support; it installs Bicep itself), .NET 10 SDK, zip, curl; `az login` done;
# rights to create role assignments in the resource group (Owner, or Contributor + Role Based Access Control Administrator).
# Secrets come from the environment, never from files: SHOPIFY_WEBHOOK_SECRET, WALMART_WEBHOOK_SECRET, AMAZON_API_KEY,
# POS_WEBHOOK_SECRET, SHIPMENTS_WMS_SECRET, SHIPMENTS_3PL_SECRET, SHIPMENTS_CARRIER_SECRET, INVENTORY_ADJUSTMENTS_SECRET,
# CATALOG_CHANGES_SECRET. Optional: AZURE_PRINCIPAL_ID (dev only: your object id, for data access while debugging).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
fail() { echo "deploy: $*" >&2; exit 1; }

resource_group=""
env_file_name="dev"
env_name=""
location=""
subscription=""
skip_code=false
what_if=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    -g | --resource-group) resource_group="${2:?$1 needs a value}"; shift 2 ;;
    -e | --env) env_file_name="${2:?$1 needs a value}"; shift 2 ;;
    -n | --name) env_name="${2:?$1 needs a value}"; shift 2 ;;
    -l | --location) location="${2:?$1 needs a value}"; shift 2 ;;
    --subscription) subscription="${2:?$1 needs a value}"; shift 2 ;;
    --skip-code) skip_code=true; shift ;;
    --what-if) what_if=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument $1" ;;
  esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
param_file="$repo_root/infra/env/$env_file_name.bicepparam"
app_project="$repo_root/functions/RetailFunctions.Functions"

[[ -n "$resource_group" ]] || { usage >&2; fail "--resource-group is required"; }
[[ -f "$param_file" ]] || fail "no parameter file infra/env/$env_file_name.bicepparam"
for tool in az dotnet zip curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

missing=()
for secret in SHOPIFY_WEBHOOK_SECRET WALMART_WEBHOOK_SECRET AMAZON_API_KEY POS_WEBHOOK_SECRET SHIPMENTS_WMS_SECRET \
  SHIPMENTS_3PL_SECRET SHIPMENTS_CARRIER_SECRET INVENTORY_ADJUSTMENTS_SECRET CATALOG_CHANGES_SECRET; do
  [[ -n "${!secret:-}" ]] || missing+=("$secret")
done
[[ ${#missing[@]} -eq 0 ]] || fail "set these environment variables first: ${missing[*]}"

export AZURE_ENV_NAME="${env_name:-$env_file_name}"
export DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS="${DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS:-false}"
az_common=()
[[ -z "$subscription" ]] || az_common+=(--subscription "$subscription")

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT

if [[ "$(az group exists --name "$resource_group" "${az_common[@]}")" != "true" ]]; then
  [[ -n "$location" ]] || fail "resource group $resource_group does not exist; pass --location to create it"
  echo "Creating resource group $resource_group in $location..."
  az group create --name "$resource_group" --location "$location" --tags "azd-env-name=$AZURE_ENV_NAME" "${az_common[@]}" --output none
fi

if [[ "$what_if" == "true" ]]; then
  az deployment group what-if --resource-group "$resource_group" --parameters "$param_file" "${az_common[@]}"
  exit 0
fi

# Provisions and sets app_name, app_url and storage_name from the deployment outputs.
provision() {
  echo "Provisioning infra/main.bicep with infra/env/$env_file_name.bicepparam (blob trigger subscriptions: $DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS)..."
  local outputs
  outputs="$(az deployment group create \
    --resource-group "$resource_group" \
    --name "retail-functions-$AZURE_ENV_NAME-$(date -u +%Y%m%d%H%M%S)" \
    --parameters "$param_file" \
    --query '[properties.outputs.AZURE_FUNCTION_APP_NAME.value, properties.outputs.AZURE_FUNCTION_APP_URL.value, properties.outputs.AZURE_STORAGE_ACCOUNT_NAME.value]' \
    --output tsv \
    "${az_common[@]}")"
  mapfile -t values < <(tr '\t' '\n' <<<"$outputs")
  app_name="${values[0]:-}" app_url="${values[1]:-}" storage_name="${values[2]:-}"
  [[ -n "$app_name" && -n "$app_url" ]] || fail "the deployment returned no function app name or URL"
}

provision
echo "Provisioned $app_name ($app_url)."

if [[ "$skip_code" == "true" ]]; then
  exit 0
fi

echo "Publishing the function app..."
dotnet publish "$app_project" --configuration Release --output "$work_dir/publish" --nologo --verbosity quiet
(cd "$work_dir/publish" && zip -qr "$work_dir/app.zip" .)

echo "Deploying the package to $app_name..."
az functionapp deployment source config-zip --resource-group "$resource_group" --name "$app_name" \
  --src "$work_dir/app.zip" "${az_common[@]}" --output none

if [[ "$DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS" == "true" ]]; then
  echo "Done: $app_url"
  exit 0
fi

# Event Grid validates the blobs extension endpoint when the subscription is created, and its key exists only once the host
# has loaded the code: wait for the host, then provision again with the subscriptions.
echo "Waiting for the function host to answer $app_url/api/health..."
for attempt in $(seq 1 20); do
  status="$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 30 "$app_url/api/health" || true)"
  if [[ "$status" =~ ^[234] ]]; then
    break
  fi
  [[ $attempt -lt 20 ]] || fail "the host did not answer; rerun with DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS=true --skip-code once it does"
  sleep 15
done

export DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS=true
provision
echo "Done: $app_url (settlement files go to container settlements of storage account $storage_name)."
