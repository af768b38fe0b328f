namespace RetailFunctions.Core.Orders;

/// <summary>A channel payload could not be mapped to a <see cref="CanonicalOrder"/>.</summary>
/// <remarks>The message names the field but never echoes its value, which may be personal data.</remarks>
public sealed class OrderMappingException : Exception
{
    public OrderMappingException(string field)
        : this(field, "is missing")
    {
    }

    public OrderMappingException(string field, string problem)
        : this(field, problem, null)
    {
    }

    public OrderMappingException(string field, string problem, Exception? innerException)
        : base($"Order field '{field}' {problem}.", innerException)
    {
        Field = field;
    }

    /// <summary>JSON path of the offending field, e.g. <c>line_items[2].sku</c>; <c>$</c> for the document itself.</summary>
    public string Field { get; }
}
