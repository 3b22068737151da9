package telegate.telegram.emulator;

/** The kinds of message content the data set mixes. */
enum ContentKind {
    TEXT,
    PHOTO,
    VIDEO,
    DOCUMENT,
    AUDIO,
    VOICE_NOTE,
    STICKER,
    ANIMATION,
    POLL,
    LOCATION,
    CONTACT,
    ADD_MEMBERS,
    PIN,
    DICE;

    boolean isService() {
        return this == ADD_MEMBERS || this == PIN;
    }

    /**
     * The kind for a roll of 0..99: mostly text, then photos and the other media,
     * a few service messages and rarely a dice. Channels get no join messages.
     */
    static ContentKind forRoll(int roll, boolean channel) {
        if (roll < 45) {
            return TEXT;
        } else if (roll < 60) {
            return PHOTO;
        } else if (roll < 65) {
            return VIDEO;
        } else if (roll < 70) {
            return DOCUMENT;
        } else if (roll < 73) {
            return AUDIO;
        } else if (roll < 76) {
            return VOICE_NOTE;
        } else if (roll < 79) {
            return STICKER;
        } else if (roll < 82) {
            return ANIMATION;
        } else if (roll < 85) {
            return POLL;
        } else if (roll < 87) {
            return LOCATION;
        } else if (roll < 89) {
            return CONTACT;
        } else if (roll < 92) {
            return channel ? PIN : ADD_MEMBERS;
        } else if (roll < 94) {
            return PIN;
        } else if (roll < 95) {
            return DICE;
        }
        return TEXT;
    }
}
