using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Erp;

public sealed record ErpJournalDocument(string JournalId, string IdempotencyKey, DateTimeOffset PostedAt, ErpJournal Journal);
