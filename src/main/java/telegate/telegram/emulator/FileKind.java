package telegate.telegram.emulator;

/**
 * The kinds of file the data set's messages carry, with where TDLib keeps each
 * once downloaded: a folder named for the kind under {@code files_directory}
 * (stickers under {@code database_directory}, TDLib's "secure" folder for them),
 * and the {@code FileType} class of its storage statistics.
 */
public enum FileKind {
    PHOTO("photos", "fileTypePhoto", "jpg"),
    VIDEO("videos", "fileTypeVideo", "mp4"),
    DOCUMENT("documents", "fileTypeDocument", ""),
    AUDIO("music", "fileTypeAudio", "mp3"),
    VOICE_NOTE("voice", "fileTypeVoiceNote", "oga"),
    STICKER("stickers", "fileTypeSticker", "webp"),
    ANIMATION("animations", "fileTypeAnimation", "mp4");

    private final String folder;
    private final String tdType;
    private final String extension;

    FileKind(String folder, String tdType, String extension) {
        this.folder = folder;
        this.tdType = tdType;
        this.extension = extension;
    }

    /** The folder TDLib names for the kind (get_file_type_name). */
    String folder() {
        return folder;
    }

    String tdType() {
        return tdType;
    }

    /** The extension of a file that has no name of its own. */
    String extension() {
        return extension;
    }

    /** Whether TDLib keeps the kind under the database directory rather than the files directory. */
    boolean inDatabaseDirectory() {
        return this == STICKER;
    }

    /**
     * Whether {@code optimizeStorage} with no {@code file_types} may delete it:
     * TDLib's default spares thumbnails, profile photos, stickers and wallpapers.
     */
    boolean deletedByDefault() {
        return this != STICKER;
    }
}
