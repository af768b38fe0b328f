using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Erp;

/// <summary>The checks an ERP's document API makes before it books anything; each names the offending field.</summary>
public static class ErpValidation
{
    public static Dictionary<string, string[]> SalesOrder(ErpSalesOrder? order)
    {
        var errors = new Dictionary<string, string[]>();
        if (order is null)
        {
            errors["body"] = ["A sales order is required."];
            return errors;
        }

        Require(errors, "orderKey", order.OrderKey);
        Require(errors, "channel", order.Channel);
        Require(errors, "channelOrderId", order.ChannelOrderId);
        Currency(errors, "currency", order.Currency);
        if (order.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["At least one line is required."];
            return errors;
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            Require(errors, $"lines[{i}].itemCode", line.ItemCode);
            Require(errors, $"lines[{i}].site", line.Site);
            if (line.Quantity <= 0)
            {
                errors[$"lines[{i}].quantity"] = ["Quantity must be positive."];
            }

            if (line.UnitPrice < 0 || line.Discount < 0 || line.Tax < 0)
            {
                errors[$"lines[{i}]"] = ["Prices, discounts and taxes cannot be negative."];
            }
        }

        return errors;
    }

    public static Dictionary<string, string[]> Invoice(ErpInvoice? invoice)
    {
        var errors = new Dictionary<string, string[]>();
        if (invoice is null)
        {
            errors["body"] = ["An invoice is required."];
            return errors;
        }

        Require(errors, "erpOrderId", invoice.ErpOrderId);
        Require(errors, "orderKey", invoice.OrderKey);
        Currency(errors, "currency", invoice.Currency);
        if (invoice.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["At least one line is required."];
        }
        else if (invoice.Lines.Any(l => l.Quantity <= 0 || string.IsNullOrWhiteSpace(l.ItemCode)))
        {
            errors["lines"] = ["Every line needs an item code and a positive quantity."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> CreditMemo(ErpCreditMemo? creditMemo)
    {
        var errors = new Dictionary<string, string[]>();
        if (creditMemo is null)
        {
            errors["body"] = ["A credit memo is required."];
            return errors;
        }

        Require(errors, "returnKey", creditMemo.ReturnKey);
        Require(errors, "orderKey", creditMemo.OrderKey);
        Currency(errors, "currency", creditMemo.Currency);
        if (creditMemo.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["At least one line is required."];
        }
        else if (creditMemo.Lines.Any(l => l.Quantity <= 0 || l.Amount < 0 || string.IsNullOrWhiteSpace(l.ItemCode) || l.Disposition is not ("Restock" or "Damaged")))
        {
            errors["lines"] = ["Every line needs an item code, a positive quantity, a non-negative amount and a disposition of Restock or Damaged."];
        }
        else if (creditMemo.Lines.Sum(l => l.Amount) != creditMemo.Total)
        {
            errors["total"] = [$"The lines add up to {creditMemo.Lines.Sum(l => l.Amount)}, not {creditMemo.Total}."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Journal(ErpJournal? journal)
    {
        var errors = new Dictionary<string, string[]>();
        if (journal is null)
        {
            errors["body"] = ["A journal is required."];
            return errors;
        }

        Require(errors, "journalKey", journal.JournalKey);
        Require(errors, "source", journal.Source);
        Currency(errors, "currency", journal.Currency);
        if (journal.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["At least one line is required."];
            return errors;
        }

        for (var i = 0; i < journal.Lines.Count; i++)
        {
            var line = journal.Lines[i];
            Require(errors, $"lines[{i}].account", line.Account);
            if (line.Debit < 0 || line.Credit < 0 || (line.Debit == 0) == (line.Credit == 0))
            {
                errors[$"lines[{i}]"] = ["Exactly one of debit and credit must be non-zero, and neither negative."];
            }
        }

        var debits = journal.Lines.Sum(l => l.Debit);
        var credits = journal.Lines.Sum(l => l.Credit);
        if (debits != credits)
        {
            errors["lines"] = [$"The journal does not balance: debits {debits} and credits {credits}."];
        }

        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
    }

    private static void Currency(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not { Length: 3 } || !value.All(char.IsAsciiLetterUpper))
        {
            errors[field] = ["An ISO 4217 code such as USD is required."];
        }
    }
}
