namespace RetailFunctions.Core.Returns;

/// <summary>A step of the return's workflow as the return ledger records it; null fields leave what is stored unchanged.</summary>
public sealed record ReturnProgress(
    ReturnStatus Status,
    string? OrderChannel = null,
    string? ChannelOrderId = null,
    string? Currency = null,
    decimal? RefundAmount = null,
    string? CreditMemoId = null,
    string? Reason = null);
