namespace Previz.Studio.Tests.EndToEnd;

/// <summary>The browser tests share one chromium; each class starts its own studio process.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "End to end";
}
