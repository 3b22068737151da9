package telegate.telegram.emulator;

/** The {@code file} object and the {@code updateFile} update of a file as one TDLib instance has it. */
final class FileText {

    private FileText() {
    }

    static StringBuilder file(LocalFile local) {
        StringBuilder text = new StringBuilder(512);
        ContentFactory.file(new JsonText(text), local.file(), (out, file) -> local.writeLocal(out));
        return text;
    }

    static StringBuilder update(LocalFile local) {
        StringBuilder text = new StringBuilder(560);
        JsonText out = new JsonText(text).object("updateFile").key("file");
        ContentFactory.file(out, local.file(), (json, file) -> local.writeLocal(json)).end();
        return text;
    }
}
