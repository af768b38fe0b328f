namespace RetailFunctions.Core.Webhooks;

public enum RetailSignatureResult
{
    Valid,
    Missing,
    Malformed,
    Expired,
    Mismatch,
}
