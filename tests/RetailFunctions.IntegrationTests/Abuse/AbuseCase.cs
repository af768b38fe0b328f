using System.Net;

namespace RetailFunctions.IntegrationTests.Abuse;

/// <summary>What the abuse matrix does to an otherwise valid delivery; only the first two may be accepted.</summary>
public enum AbuseCase
{
    Valid,
    SignedWithPreviousSecret,
    BodyByteFlipped,
    JsonReserialised,
    WrongSecret,
    MissingSignature,
    TimestampOutsideTolerance,
    TimestampInTheFuture,
    BodyOverLimit,
    BodyOverLimitStreamed,
    JsonNested1000Deep,
    WrongContentType,
}

internal static class AbuseCases
{
    public static bool IsAccepted(this AbuseCase abuse) => abuse is AbuseCase.Valid or AbuseCase.SignedWithPreviousSecret;

    public static HttpStatusCode ExpectedStatus(this AbuseCase abuse) => abuse switch
    {
        AbuseCase.Valid or AbuseCase.SignedWithPreviousSecret => HttpStatusCode.Accepted,
        AbuseCase.BodyOverLimit or AbuseCase.BodyOverLimitStreamed => HttpStatusCode.RequestEntityTooLarge,
        AbuseCase.JsonNested1000Deep => HttpStatusCode.BadRequest,
        AbuseCase.WrongContentType => HttpStatusCode.UnsupportedMediaType,
        _ => HttpStatusCode.Unauthorized,
    };

    /// <summary>A scheme that signs no body cannot notice a changed body, and one that signs no time cannot expire.</summary>
    public static bool AppliesTo(this AbuseCase abuse, SignedEndpoint endpoint) => abuse switch
    {
        AbuseCase.BodyByteFlipped or AbuseCase.JsonReserialised => endpoint.SignsBody,
        AbuseCase.TimestampOutsideTolerance or AbuseCase.TimestampInTheFuture => endpoint.SignsTimestamp,
        _ => true,
    };
}
