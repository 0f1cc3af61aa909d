using System.Diagnostics;

namespace SpeechArchive.Tests.Storage;

/// <summary>
/// A real file system of a given size (tmpfs) mounted on a temporary folder, to fill up or make read-only. Mounting needs
/// root: where it is refused, the test using it is reported skipped with the reason.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> on a new folder under <paramref name="parent"/>, or skips the test.</summary>
    public static SmallDisk Mount(string parent, int kilobytes) => MountAt(System.IO.Path.Combine(parent, "disk"), kilobytes);

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> on <paramref name="path"/> (made when missing), or skips the test.</summary>
    public static SmallDisk MountAt(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        Skip.If(code != 0, $"cannot mount a tmpfs on {path} ({error.Trim()}): this test needs root (CI runs it as root)");
        return new SmallDisk(path);
    }

    /// <summary>Grows (or shrinks) the file system, keeping its files.</summary>
    public void Resize(int kilobytes) => Must("mount", "-o", $"remount,size={kilobytes}k", Path);

    /// <summary>Makes the file system read-only (or writable again), keeping its files.</summary>
    public void ReadOnly(bool readOnly = true) => Must("mount", "-o", readOnly ? "remount,ro" : "remount,rw", Path);

    public void Dispose() => Run("umount", "-l", Path);

    private static void Must(params string[] command)
    {
        var (code, error) = Run(command);
        if (code != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {error}");
        }
    }

    private static (int Code, string Error) Run(params string[] command)
    {
        try
        {
            var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in command.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
