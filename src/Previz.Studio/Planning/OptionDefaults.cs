namespace Previz.Studio.Planning;

/// <summary>What a generation runs with when the user changes nothing.</summary>
/// <param name="Duration">The clip length asked of the vendor; null for stills.</param>
/// <param name="OutputSeconds">The length delivered after trimming to the shot.</param>
public sealed record OptionDefaults(double? Duration, double OutputSeconds, string Aspect, string Orientation, string Resolution, bool Audio);
