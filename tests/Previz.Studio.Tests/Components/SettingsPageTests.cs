using Bunit;
using Previz.Studio.Components.Pages;

namespace Previz.Studio.Tests.Components;

public sealed class SettingsPageTests : StudioComponentContext
{
    private const string FakeKey = "fal-test-key-3c1d9e77b0a24f51";

    public SettingsPageTests()
        : base(("FAL_KEY", FakeKey), ("Studio:BudgetUsd", "25"))
    {
    }

    [Fact]
    public void Settings_show_which_keys_are_set_but_never_a_key()
    {
        var cut = Render<Settings>();

        cut.WaitForAssertion(() => cut.Find("p.budget"), Patience);
        Assert.DoesNotContain(FakeKey, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeKey[4..12], cut.Markup, StringComparison.Ordinal);
        Assert.Contains("set (FAL_KEY)", cut.Find("tr[data-provider='fal']").TextContent, StringComparison.Ordinal);
        Assert.Contains("not set — set RUNWAYML_API_SECRET", cut.Find("tr[data-provider='runway']").TextContent, StringComparison.Ordinal);
        Assert.Contains("not set — set LUMA_AGENTS_API_KEY", cut.Find("tr[data-provider='luma']").TextContent, StringComparison.Ordinal);
        Assert.Equal(DataRoot, cut.Find("code.data-folder").TextContent);
        Assert.StartsWith("SQLite", cut.Find("dd.database-provider").TextContent, StringComparison.Ordinal);
        Assert.Contains("cap $25.00", cut.Find("p.budget").TextContent, StringComparison.Ordinal);
    }
}
