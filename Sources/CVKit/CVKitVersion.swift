/// The version written into every report and plan.
public enum CVKitVersion {
    public static let current = "0.1.0"
}
