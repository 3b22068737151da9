package telegate.telegram.entity;

/** The fields of TDLib's {@code user} that Telegate reports, already in protocol form. */
public record TelegramUser(long id, String username, String firstName, String lastName, String phone,
        boolean isBot, boolean isPremium, boolean isVerified, boolean isScam, boolean isFake, boolean isDeleted,
        String lastSeen) {

    /** "First Last", or null for an account with no name (deleted accounts). */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? null : name;
    }
}
