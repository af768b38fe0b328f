namespace RetailFunctions.Simulators.Amazon;

/// <param name="ResultFeedDocumentId">The processing report (JSON: header, issues by messageId, summary).</param>
/// <param name="ProcessingStatus">SP-API's values: <c>DONE</c>, or <c>FATAL</c> when the document could not be processed.</param>
public sealed record AmazonFeed(string FeedId, string FeedType, string InputFeedDocumentId, string ProcessingStatus, DateTimeOffset CreatedTime, string? Problem, string? ResultFeedDocumentId = null);
