namespace RetailFunctions.Core.Catalog;

public enum ListingAction
{
    /// <summary>The channel already shows this (the product is what it shows): only the published version moves on.</summary>
    Unchanged,

    /// <summary>Not valid for the channel: the reason is recorded, nothing is sent.</summary>
    Invalid,

    Send,

    /// <summary>Withdrawn before it was ever listed: nothing to tell the channel.</summary>
    Skip,
}

/// <summary>What the publisher does with one SKU on one channel.</summary>
public sealed record ListingDecision(ListingAction Action, ChannelProduct? Product = null, decimal BasePrice = 0, string? Hash = null, string? Error = null);
