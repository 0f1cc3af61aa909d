using System.Numerics;

namespace SpeechArchive.Semantics;

/// <summary>The few dense-vector operations the semantics layer shares: dot product, a·x + y, unit length, 8-bit quantising.</summary>
public static class VectorMath
{
    /// <summary>Σ a[i]·b[i], summed in SIMD lanes where the machine has them.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>target += scale × source.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<float>(scale);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(target[i..]) + (s * new Vector<float>(source[i..]))).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }

    /// <summary>Scales <paramref name="vector"/> to unit length; false when it is zero.</summary>
    public static bool Normalize(Span<float> vector)
    {
        var norm = Math.Sqrt(Dot(vector, vector));
        if (norm < 1e-12)
        {
            return false;
        }

        var scale = (float)(1 / norm);
        foreach (ref var x in vector)
        {
            x *= scale;
        }

        return true;
    }

    /// <summary>Writes <paramref name="vector"/> as signed bytes scaled to its largest component (±127); returns the scale.</summary>
    public static float Quantise(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        var max = 0f;
        foreach (var x in vector)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        var scale = max > 0 ? max / 127f : 1f;
        for (var k = 0; k < vector.Length; k++)
        {
            into[k] = (sbyte)Math.Clamp(MathF.Round(vector[k] / scale), -127, 127);
        }

        return scale;
    }
}
