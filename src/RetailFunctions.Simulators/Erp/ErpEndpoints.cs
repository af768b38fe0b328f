using Microsoft.AspNetCore.Mvc;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Idempotency;

namespace RetailFunctions.Simulators.Erp;

public static class ErpEndpoints
{
    public const string System = "erp";

    public static IEndpointRouteBuilder MapErp(this IEndpointRouteBuilder app)
    {
        var erp = app.MapGroup("/erp");
        erp.MapPost("/sales-orders", CreateSalesOrder).Operation(System, "createSalesOrder", IdempotencyMode.Required);
        erp.MapGet("/sales-orders/{erpOrderId}", GetSalesOrder).Operation(System, "getSalesOrder");
        erp.MapPost("/sales-orders/{erpOrderId}/cancel", CancelSalesOrder).Operation(System, "cancelSalesOrder", IdempotencyMode.Required);
        erp.MapPost("/invoices", PostInvoice).Operation(System, "postInvoice", IdempotencyMode.Required);
        erp.MapPost("/journals", PostJournal).Operation(System, "postJournal", IdempotencyMode.Required);
        erp.MapPost("/credit-memos", PostCreditMemo).Operation(System, "postCreditMemo", IdempotencyMode.Required);
        return app;
    }

    public static IEndpointRouteBuilder MapErpControl(this IEndpointRouteBuilder control)
    {
        control.MapGet("/erp/orders", (ErpState erp) => Results.Ok(erp.SalesOrders()));
        control.MapGet("/erp/invoices", (ErpState erp) => Results.Ok(erp.Invoices()));
        control.MapGet("/erp/journals", (ErpState erp) => Results.Ok(erp.Journals()));
        control.MapGet("/erp/credit-memos", (ErpState erp) => Results.Ok(erp.CreditMemos()));
        return control;
    }

    private static IResult CreateSalesOrder(
        ErpSalesOrder? order,
        [FromHeader(Name = IdempotencyStore.HeaderName)] string idempotencyKey,
        [FromHeader(Name = "traceparent")] string? traceParent,
        ErpState erp)
    {
        var errors = ErpValidation.SalesOrder(order);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var document = erp.CreateSalesOrder(order!, idempotencyKey, traceParent);
        return Results.Created($"/erp/sales-orders/{document.ErpOrderId}", new ErpSalesOrderResult(document.ErpOrderId, document.Status));
    }

    private static IResult GetSalesOrder(string erpOrderId, ErpState erp) =>
        erp.GetSalesOrder(erpOrderId) is { } document ? Results.Ok(document) : Results.Problem(statusCode: 404, title: $"Sales order {erpOrderId} does not exist.");

    private static IResult CancelSalesOrder(string erpOrderId, ErpState erp)
    {
        var outcome = erp.Cancel(erpOrderId);
        return outcome.Value is { } document
            ? Results.Ok(new ErpSalesOrderResult(document.ErpOrderId, document.Status))
            : Results.Problem(statusCode: outcome.Status, title: outcome.Problem);
    }

    private static IResult PostInvoice(
        ErpInvoice? invoice,
        [FromHeader(Name = IdempotencyStore.HeaderName)] string idempotencyKey,
        ErpState erp)
    {
        var errors = ErpValidation.Invoice(invoice);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var outcome = erp.PostInvoice(invoice!, idempotencyKey);
        return outcome.Value is { } document
            ? Results.Created($"/erp/invoices/{document.InvoiceId}", new ErpInvoiceResult(document.InvoiceId, document.Invoice.ErpOrderId))
            : Results.Problem(statusCode: outcome.Status, title: outcome.Problem);
    }

    private static IResult PostCreditMemo(
        ErpCreditMemo? creditMemo,
        [FromHeader(Name = IdempotencyStore.HeaderName)] string idempotencyKey,
        ErpState erp)
    {
        var errors = ErpValidation.CreditMemo(creditMemo);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var outcome = erp.PostCreditMemo(creditMemo!, idempotencyKey);
        return outcome.Value is { } document
            ? Results.Created($"/erp/credit-memos/{document.CreditMemoId}", new ErpCreditMemoResult(document.CreditMemoId, document.CreditMemo.ReturnKey))
            : Results.Problem(statusCode: outcome.Status, title: outcome.Problem);
    }

    private static IResult PostJournal(
        ErpJournal? journal,
        [FromHeader(Name = IdempotencyStore.HeaderName)] string idempotencyKey,
        ErpState erp)
    {
        var errors = ErpValidation.Journal(journal);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var outcome = erp.PostJournal(journal!, idempotencyKey);
        return outcome.Value is { } document
            ? Results.Created($"/erp/journals/{document.JournalId}", new ErpJournalResult(document.JournalId, document.Journal.JournalKey))
            : Results.Problem(statusCode: outcome.Status, title: outcome.Problem);
    }
}
