namespace Previz.Testing;

/// <summary>Small files with real signatures.</summary>
public static class Media
{
    /// <summary>An ISO BMFF header (ftyp box, brand isom) followed by filler, as an MP4 starts.</summary>
    public static byte[] Mp4(int length = 4096)
    {
        var bytes = new byte[length];
        byte[] ftyp = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];
        ftyp.CopyTo(bytes, 0);
        for (var i = ftyp.Length; i < length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        return bytes;
    }

    /// <summary>A whole PNG picture (one pixel) that any decoder reads, for checks that decode what they store.</summary>
    public static byte[] OnePixelPng() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A PNG signature and header start followed by filler: where only the first bytes are looked at.</summary>
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];
}
