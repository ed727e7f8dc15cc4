using System.Runtime.InteropServices;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>The CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>); zero elsewhere.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTime, out var spec) != 0)
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the test project for one call.
    private static extern int ClockGetTime(int clock, out TimeSpec spec);
#pragma warning restore SYSLIB1054
}
