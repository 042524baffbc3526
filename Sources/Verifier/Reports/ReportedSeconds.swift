/// A duration as every report shows it: rounded to milliseconds the way the JSON report stores
/// it, so that a report read back from JSON renders identically in every format and printed
/// totals are sums of printed parts.
func reportedSeconds(_ s: Double) -> Double { (s * 1000).rounded() / 1000 }
