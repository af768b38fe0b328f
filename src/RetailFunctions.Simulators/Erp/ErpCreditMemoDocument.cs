using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Erp;

public sealed record ErpCreditMemoDocument(string CreditMemoId, string IdempotencyKey, DateTimeOffset PostedAt, ErpCreditMemo CreditMemo);
