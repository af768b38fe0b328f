namespace RetailFunctions.Core.Returns;

/// <summary>What happens to a returned unit.</summary>
public enum ReturnDisposition
{
    /// <summary>Resellable: back into stock at the return's location, and so onto every channel.</summary>
    Restock,

    /// <summary>Not resellable: written off in the ERP, never back into stock.</summary>
    Damaged,
}
