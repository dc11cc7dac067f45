<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/ui/pages/home.py" line="40" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="43" />
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="44" />
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="46" />
        <source>Electronic business licence wallet, seals and bid-file encryption for e-bidding.</source>
        <translation>电子营业执照、电子印章与投标文件加密，一站完成电子投标。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="54" />
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="55" />
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="45" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="48" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="49" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="50" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="52" />
        <source>Open the folder that holds the keystore and the logs</source>
        <translation>打开存放密钥库和日志的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="53" />
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <location filename="../../app/ui/errors.py" line="48" />
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="59" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60" />
        <source>Something went wrong that EBid Desk did not expect. The details below are also in the log file.</source>
        <translation>电子投标助手遇到了意外错误。以下详细信息也已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="116" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/ui/core_messages.py" line="6" />
        <source>A container needs 1 to {n} recipients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="7" />
        <source>A credit code body is 17 characters from the code alphabet: {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="8" />
        <source>A licence must end after it starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="9" />
        <source>A resident ID number is 17 digits and a check character: {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="10" />
        <source>A specific authorisation names at least one matter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="11" />
        <source>A time without a time zone was given: {moment}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="12" />
        <source>A unified social credit code has 18 characters, not {n}: {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="13" />
        <source>An ID number body is 17 digits: {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="14" />
        <source>An SM2 private key is 32 bytes, got {got}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="15" />
        <source>An SM2 signature is made over a 32-byte SM3 digest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="16" />
        <source>An all-business authorisation lists no matters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="17" />
        <source>An enterprise has at most {n} licence managers: remove one before adding another</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="18" />
        <source>Argon2id parameters below the floor (64 MiB, t=3, p=4) are not allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="19" />
        <source>Audit details must be plain JSON values: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="20" />
        <source>Audit details must not contain secrets (key {key})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="21" />
        <source>Audit times must carry a time zone (use UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="22" />
        <source>Cannot create the data folder {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="23" />
        <source>Cannot read the matter catalogue {path}: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="24" />
        <source>Cannot read {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="25" />
        <source>Cannot write {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="26" />
        <source>Characters 3 to 8 of the credit code {code} must be a region code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="27" />
        <source>Chunk {index} failed authentication (tampered, reordered, truncated or wrong key)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="28" />
        <source>Chunk {index} is shorter than its tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="29" />
        <source>Ciphertext is shorter than its authentication tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="30" />
        <source>Data failed authentication (tampered or wrong key)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="31" />
        <source>Enterprise {code} is already registered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="32" />
        <source>Expected an SM2 public key or certificate, found a {label}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="33" />
        <source>Expected {expected}, found {found}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="34" />
        <source>GCM nonce must be 12 bytes, got {got}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="35" />
        <source>Licence validity times must carry a time zone (use UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="36" />
        <source>Malformed SM2 ciphertext: C1 is not a point on the SM2 curve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="37" />
        <source>Malformed SM2 ciphertext: C3 must be 32 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="38" />
        <source>Malformed SM2 ciphertext: empty C2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="39" />
        <source>Malformed SM2 ciphertext: no valid C1 point at the start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="40" />
        <source>Malformed {what}: not canonical DER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="41" />
        <source>Malformed {what}: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="42" />
        <source>No authorisation {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="43" />
        <source>No enterprise with credit code {code} is registered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="44" />
        <source>No free file name for {name} in {folder}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="45" />
        <source>No licence password is set on this device yet: set one first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="46" />
        <source>No licence with serial {serial:x}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="47" />
        <source>No {what} with id {id} in the keystore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="48" />
        <source>Only {roles} may do this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="49" />
        <source>SM4 key and block must both be 16 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="50" />
        <source>That person is not a licence manager of {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="51" />
        <source>The ID number is registered under another name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="52" />
        <source>The PEM file holds no certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="53" />
        <source>The PEM file is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="54" />
        <source>The SM2 ciphertext failed its check (wrong key or tampered data)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="55" />
        <source>The SM2 ciphertext is not valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="56" />
        <source>The SM2 user ID is too long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="57" />
        <source>The authorisation must end after it starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="58" />
        <source>The authorisation would already have ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="59" />
        <source>The birth date in the ID number {number} is not possible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="60" />
        <source>The certificate is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="61" />
        <source>The certificate is not a licence: it has no {what} extension</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="62" />
        <source>The certificate's key is for signing only, not for encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="63" />
        <source>The certificate's key is not an SM2 key: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="64" />
        <source>The check character of the credit code {code} is wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="65" />
        <source>The check digit of the ID number {number} is wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="66" />
        <source>The chunk size must be between {low} and {high} bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="67" />
        <source>The container is truncated inside its header</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="68" />
        <source>The credit code {code} contains {char}, which is not allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="69" />
        <source>The crop rectangle is empty ({w}×{h} pixels)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="70" />
        <source>The crop rectangle lies entirely outside the image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="71" />
        <source>The encrypted metadata failed authentication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="72" />
        <source>The encrypted metadata has a file name that is not UTF-8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="73" />
        <source>The encrypted metadata has the wrong layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="74" />
        <source>The encrypted private key is malformed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="75" />
        <source>The encrypted private key is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="76" />
        <source>The encrypted {column} of {table} row {row} does not authenticate: it was damaged, or copied from another row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="77" />
        <source>The encrypted {column} of {table} row {row} has an unknown format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="78" />
        <source>The enterprise is not registered at {place}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="79" />
        <source>The file has unexpected bytes after its last chunk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="80" />
        <source>The file has {extra} unexpected bytes after its last chunk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="81" />
        <source>The file is empty, not a BIDX bid container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="82" />
        <source>The file is truncated: it ends inside chunk {index} of {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="83" />
        <source>The file is truncated: it ends inside chunk {index} of {count} ({missing} bytes missing)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="84" />
        <source>The file name is longer than {n} bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="85" />
        <source>The header failed authentication: it was altered after encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="86" />
        <source>The header has an impossible chunk size ({size})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="87" />
        <source>The header is damaged: it lists no recipients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="88" />
        <source>The header is damaged: recipient {n}'s wrapped key is too long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="89" />
        <source>The header is damaged: the encrypted metadata is too short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="90" />
        <source>The header is damaged: the {what} is not UTF-8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="91" />
        <source>The header is damaged: the {what} is too long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="92" />
        <source>The header is damaged: {n} stray bytes before the payload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="93" />
        <source>The header is damaged: {what} runs past its end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="94" />
        <source>The header length field is impossible ({length} bytes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="95" />
        <source>The header names an unknown cipher suite ({ident})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="96" />
        <source>The key is not an SM2 key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="97" />
        <source>The key's algorithm identifier is malformed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="98" />
        <source>The keystore is locked: enter the licence password again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="99" />
        <source>The keystore {path} cannot be read: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="100" />
        <source>The keystore {path} was written by a newer version of EBid Desk (schema {rev}); update the app</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="101" />
        <source>The keystore's password record has format {version}, which this version of EBid Desk cannot read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="102" />
        <source>The keystore's password record is damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="103" />
        <source>The legal representative cannot also be a manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="104" />
        <source>The legal representative must download the licence first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="105" />
        <source>The licence names no holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="106" />
        <source>The licence password must not be empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="107" />
        <source>The licence password was changed: enter it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="108" />
        <source>The licence request is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="109" />
        <source>The licence request is not signed by the device key it names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="110" />
        <source>The licence request nonce must be 16 to 64 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="111" />
        <source>The licence request was made at {at}: check the device clock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="112" />
        <source>The licence's {what} extension is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="113" />
        <source>The matter catalogue lists a code twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="114" />
        <source>The name and ID number do not match the registered person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="115" />
        <source>The output folder {path} does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="116" />
        <source>The output path {path} is not a folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="117" />
        <source>The private key does not match its stored public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="118" />
        <source>The private key file is malformed: unknown version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="119" />
        <source>The private key file is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="120" />
        <source>The private key is encrypted: a password is required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="121" />
        <source>The private key is out of range for SM2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="122" />
        <source>The public key file is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="123" />
        <source>The public key is not a point on the SM2 curve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="124" />
        <source>The public key must be a 65-byte uncompressed or 33-byte compressed point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="125" />
        <source>The request must be signed with the key it asks a licence for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="126" />
        <source>The revocation list is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="127" />
        <source>The revocation list is not signed SM2-with-SM3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="128" />
        <source>The revocation list was issued by another authority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="129" />
        <source>The same recipient key is listed twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="130" />
        <source>The signature does not match {path}: the file was changed or signed by another key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="131" />
        <source>The signature is not valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="132" />
        <source>The signature is not valid (r or s out of range)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="133" />
        <source>The wrapped file key for your key id {kid} has the wrong size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="134" />
        <source>The wrapped file key for your key id {kid} is damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="135" />
        <source>The {what} is longer than {limit} bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="136" />
        <source>The {what} is malformed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="137" />
        <source>There are no files to encrypt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="138" />
        <source>There is nothing to encrypt (empty message)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="139" />
        <source>This container uses BIDX version {v}; this program reads version 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="140" />
        <source>This device already has an identity key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="141" />
        <source>This file is not encrypted to your key (key id {kid}); its recipients are {ids}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="142" />
        <source>This is not a BIDX bid container (wrong magic bytes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="143" />
        <source>This keystore already has a licence password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="144" />
        <source>This licence request was already used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="145" />
        <source>Too many wrong licence passwords: wait {seconds} s before trying again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="146" />
        <source>Unknown SM2 backend {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="147" />
        <source>Unknown SM2 ciphertext layout {layout}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="148" />
        <source>Unknown border mode {border}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="149" />
        <source>Unknown cipher suite {name}; use sm4 or aes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="150" />
        <source>Unknown matter {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="151" />
        <source>Unknown seal shape {shape}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="152" />
        <source>Unknown {what} in the licence: {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="153" />
        <source>Unsupported key-file cipher {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="154" />
        <source>Unsupported key-file encryption {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="155" />
        <source>Unsupported key-file password hash {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="156" />
        <source>Unsupported key-file password hash {prf}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="157" />
        <source>Unsupported licence request version {v}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="158" />
        <source>Wrong licence password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="159" />
        <source>Wrong licence password ({count} wrong in a row)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="160" />
        <source>Wrong licence password ({count} wrong in a row); wait {seconds} s before trying again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="161" />
        <source>Wrong password for the private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="162" />
        <source>{name} holds no current authorisation from {enterprise}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="163" />
        <source>{name} holds several authorisations: choose one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/core_messages.py" line="164" />
        <source>{name} is already a licence manager</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>