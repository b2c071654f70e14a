namespace Previz.Studio.Components.Visualizer;

/// <summary>
/// The visualizer's start and end frame slots, one set per circuit (scoped), so the gallery can fill a slot and the
/// panel shows it when the user goes back to the studio. Empty slots mean "the shot's start" and "the shot's end".
/// </summary>
public sealed class FrameSlots
{
    public FrameChoice Start { get; private set; } = FrameChoice.ShotStart;

    public FrameChoice End { get; private set; } = FrameChoice.ShotEnd;

    /// <summary>Raised after a slot changed (from any component of the circuit).</summary>
    public event Action? Changed;

    public void Set(bool end, FrameChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (end)
        {
            End = choice;
        }
        else
        {
            Start = choice;
        }

        Changed?.Invoke();
    }
}
