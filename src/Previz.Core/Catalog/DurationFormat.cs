namespace Previz.Core.Catalog;

/// <summary>How a vendor wants the duration written in the request body.</summary>
public enum DurationFormat
{
    /// <summary>A JSON number of seconds: <c>5</c> (Runway).</summary>
    Number,

    /// <summary>A string of seconds: <c>"5"</c> (Kling, Seedance on fal).</summary>
    Text,

    /// <summary>A string with an s suffix: <c>"8s"</c> (Veo 3.1 on fal, Luma).</summary>
    TextWithSuffix,
}
