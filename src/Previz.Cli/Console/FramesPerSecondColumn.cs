using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Previz.Cli.Console;

/// <summary>A progress column that shows frames per second.</summary>
public sealed class FramesPerSecondColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var speed = task.Speed;
        return new Text(speed is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.0} fps") : "– fps", new Style(Color.Grey));
    }
}
