using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog.Promotions;

public sealed class CatalogPromotionActivities(CatalogPromotionSteps steps)
{
    public const string Activate = "CatalogPromotion_Activate";
    public const string Expire = "CatalogPromotion_Expire";

    [Function(Activate)]
    public Task<IReadOnlyList<string>> ActivateAsync([ActivityTrigger] CatalogPromotion promotion, CancellationToken cancellationToken) =>
        steps.ActivateAsync(promotion, cancellationToken);

    [Function(Expire)]
    public Task ExpireAsync([ActivityTrigger] CatalogPromotion promotion, CancellationToken cancellationToken) =>
        steps.ExpireAsync(promotion, cancellationToken);
}
