using System.Numerics;
using Bunit;
using Previz.Studio.Components.Compose;

namespace Previz.Studio.Tests.Components;

public sealed class NumberTripleTests : BunitContext
{
    [Fact]
    public async Task Fields_changed_before_the_previous_change_is_back_each_change_only_their_own_axis()
    {
        // The draft as the edits reach it, in order; the first edit is held as a slow round trip holds it.
        var draft = new Vector3(0, 1.6f, 8);
        var firstHeld = new TaskCompletionSource();
        var applied = 0;
        var cut = Render<NumberTriple>(p => p
            .Add(t => t.Label, "Position (m)")
            .Add(t => t.IdPrefix, "target-position")
            .Add(t => t.Value, draft)
            .Add(t => t.Apply, async change =>
            {
                if (applied++ == 0)
                {
                    await firstHeld.Task;
                }

                draft = change(draft);
                return null;
            }));

        var first = cut.Find("#target-position-x").ChangeAsync(new() { Value = "-3" });
        await cut.Find("#target-position-y").ChangeAsync(new() { Value = "2" });
        firstHeld.SetResult();
        await first;

        Assert.Equal(new Vector3(-3, 2, 8), draft);
    }

    [Fact]
    public async Task A_number_below_the_minimum_is_refused_beside_the_field_and_not_applied()
    {
        var applied = false;
        var cut = Render<NumberTriple>(p => p
            .Add(t => t.Label, "Size (m)")
            .Add(t => t.IdPrefix, "target-size")
            .Add(t => t.Names, ["W", "H", "D"])
            .Add(t => t.Minimum, 0f)
            .Add(t => t.Value, Vector3.One)
            .Add(t => t.Apply, _ =>
            {
                applied = true;
                return Task.FromResult<string?>(null);
            }));

        await cut.Find("#target-size-y").ChangeAsync(new() { Value = "-1" });

        Assert.False(applied);
        Assert.Contains("Size (m) H: cannot be below 0", cut.Find("#target-size-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("#target-size-y").GetAttribute("aria-invalid"));
    }
}
