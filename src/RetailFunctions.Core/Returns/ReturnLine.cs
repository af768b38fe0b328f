namespace RetailFunctions.Core.Returns;

public sealed record ReturnLine(string Sku, int Quantity, ReturnDisposition Disposition);
