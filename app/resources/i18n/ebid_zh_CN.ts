<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgentForm</name>
    <message>
        <location filename="../../ui/licences/agents.py" line="50" />
        <source>Authorise an agent</source>
        <translation>授权办事人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="51" />
        <source>A&amp;ll business</source>
        <translation>全业务授权(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="52" />
        <source>S&amp;pecific matters:</source>
        <translation>精准授权(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="53" />
        <source>Matters</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>AuthorisationsDialog</name>
    <message>
        <location filename="../../ui/licences/agents.py" line="95" />
        <source>manage agent authorisations</source>
        <translation>管理办事人授权</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="100" />
        <source>Contacting the service…</source>
        <translation>正在连接服务…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="87" />
        <source>Agent authorisations of {enterprise}</source>
        <translation>{enterprise}的办事人授权</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="88" />
        <source>Agent</source>
        <translation>办事人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="88" />
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="88" />
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="88" />
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="89" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="89" />
        <source>Authorisation number</source>
        <translation>授权编号</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="90" />
        <source>Agent authorisations</source>
        <translation>办事人授权</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="91" />
        <source>A&amp;uthorise</source>
        <translation>授权(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="92" />
        <source>&amp;Revoke…</source>
        <translation>撤销(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="110" />
        <source>All business</source>
        <translation>全业务</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="131" />
        <source>Revoke authorisation</source>
        <translation>撤销授权</translation>
    </message>
    <message>
        <location filename="../../ui/licences/agents.py" line="132" />
        <source>Revoke the authorisation of {name}? Every licence copy downloaded under it is revoked too.</source>
        <translation>撤销 {name} 的授权？据此授权下载的所有执照副本也将被吊销。</translation>
    </message>
</context>
<context>
    <name>BidActions</name>
    <message>
        <location filename="../../ui/bids/actions.py" line="46" />
        <source>Bid files</source>
        <translation>标书文件</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="93" />
        <source>Download a licence first: the bid is signed with it.</source>
        <translation>请先下载执照：标书需要用执照签名。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="99" />
        <source>The platform is not connected yet; try again in a moment.</source>
        <translation>尚未连接到交易平台，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="102" />
        <source>Choose the project and section first.</source>
        <translation>请先选择项目和标段。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="135" />
        <source>apply for an encryption key</source>
        <translation>申请加密密钥</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="123" />
        <source>Bid encryption key on {device}</source>
        <translation>{device} 上的标书加密密钥</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="136" />
        <source>Applying for an encryption key…</source>
        <translation>正在申请加密密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="173" />
        <source>sign the bid files</source>
        <translation>为标书文件签名</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="151" />
        <source>There is no encryption key for this licence on this device yet. Apply for one now? It is generated on this device and its public part is registered with the platform.</source>
        <translation>本设备上还没有该执照的加密密钥。现在申请吗？密钥在本设备上生成，其公钥部分在交易平台登记。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="115" />
        <source>The bid deadline of {project} passed at {deadline}: the platform no longer accepts bids for it, so nothing was encrypted or sent.</source>
        <translation>{project} 的投标截止时间 {deadline} 已过：交易平台不再接收该项目的投标文件，因此没有加密或发送任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="215" />
        <source>Cannot create {path}: {reason}</source>
        <translation>无法创建 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="237" />
        <source>These files are already submitted.</source>
        <translation>这些文件已经递交。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="250" />
        <source>submit the bid files</source>
        <translation>递交标书文件</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="253" />
        <source>Submitting to the platform…</source>
        <translation>正在递交到交易平台…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="296" />
        <source>rehearse the decryption</source>
        <translation>演练解密</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="299" />
        <source>Rehearsing the decryption…</source>
        <translation>正在演练解密…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="306" />
        <source>Rehearsal passed ({seconds} s).</source>
        <translation>解密演练通过（{seconds} 秒）。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="312" />
        <source>Rehearsal passed: this device's key opens {name} exactly as it is ({size}, every chunk authenticated) in {seconds} s.</source>
        <translation>解密演练通过：本设备的密钥可以原样打开 {name}（{size}，每个数据块均已认证），用时 {seconds} 秒。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="324" />
        <source>Rehearsal failed: {reason}</source>
        <translation>解密演练失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="338" />
        <source>list your submissions</source>
        <translation>列出已递交的标书</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="341" />
        <source>Asking the platform…</source>
        <translation>正在查询交易平台…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="354" />
        <source>{project} opens {opening}: its bids can be fetched and decrypted from the opening on.</source>
        <translation>{project} 将于 {opening} 开标：开标后才能下载并解密其投标文件。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="357" />
        <source>Save the decrypted bid in</source>
        <translation>解密后的投标文件保存到</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="370" />
        <source>fetch and decrypt the bid</source>
        <translation>取回并解密标书</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="373" />
        <source>Fetching and decrypting…</source>
        <translation>正在取回并解密…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/actions.py" line="384" />
        <source>Fetched, checked and decrypted: {path}</source>
        <translation>已取回、校验并解密：{path}</translation>
    </message>
</context>
<context>
    <name>BidTableModel</name>
    <message>
        <location filename="../../ui/bids/model.py" line="89" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="89" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="89" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="89" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="123" />
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="126" />
        <source>Encrypting, {rate}/s</source>
        <translation>正在加密，{rate}/秒</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="128" />
        <source>Cancelled: nothing was written</source>
        <translation>已取消：未写入任何文件</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="130" />
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="131" />
        <source>Encrypted and signed: {name}</source>
        <translation>已加密并签名：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/model.py" line="135" />
        <source>Submitted to {project}/{section}, receipt {id}</source>
        <translation>已递交至 {project}/{section}，回执 {id}</translation>
    </message>
</context>
<context>
    <name>BidTargetForm</name>
    <message>
        <location filename="../../ui/bids/form.py" line="22" />
        <source>legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="23" />
        <source>licence manager</source>
        <translation>证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="24" />
        <source>agent</source>
        <translation>办事人</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="85" />
        <source>Project and section:</source>
        <translation>项目和标段：</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="86" />
        <source>Deadline / opening:</source>
        <translation>截止 / 开标：</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="87" />
        <source>Signing licence:</source>
        <translation>签名执照：</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="88" />
        <source>Encryption key:</source>
        <translation>加密密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="89" />
        <source>Save encrypted files in:</source>
        <translation>加密文件保存到：</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="93" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="94" />
        <source>Section</source>
        <translation>标段</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="95" />
        <source>Signing licence</source>
        <translation>签名执照</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="96" />
        <source>Apply for a key</source>
        <translation>申请密钥</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="97" />
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="116" />
        <source>No projects on the platform</source>
        <translation>交易平台上没有项目</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="134" />
        <source>deadline passed</source>
        <translation>已截止</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="135" />
        <source>opened</source>
        <translation>已开标</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="142" />
        <source>{project} · {state}</source>
        <translation>{project} · {state}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="156" />
        <source>Section {section}</source>
        <translation>第 {section} 标段</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="163" />
        <source>Waiting for the platform…</source>
        <translation>正在等待交易平台…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="166" />
        <source>bids until {deadline}, opening at {opening}</source>
        <translation>投标截止 {deadline}，开标 {opening}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="170" />
        <source>{times} ({state})</source>
        <translation>{times}（{state}）</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="179" />
        <source>{holder}, {role}, {enterprise}</source>
        <translation>{holder}，{role}，{enterprise}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="209" />
        <source>Download a licence first (Licences page).</source>
        <translation>请先下载执照（执照页面）。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="212" />
        <source>None on this device yet: apply for one before encrypting.</source>
        <translation>本设备上还没有：加密前请先申请。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="216" />
        <source>{label} (key id {id}), on this device</source>
        <translation>{label}（密钥标识 {id}），在本设备上</translation>
    </message>
    <message>
        <location filename="../../ui/bids/form.py" line="223" />
        <source>Save encrypted files in</source>
        <translation>加密文件保存到</translation>
    </message>
</context>
<context>
    <name>BidsPage</name>
    <message>
        <location filename="../../ui/bids/page.py" line="151" />
        <source>Encryption is in progress. Quit anyway?</source>
        <translation>加密进行中，确定退出？</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="167" />
        <location filename="../../ui/bids/page.py" line="194" />
        <location filename="../../ui/main_window.py" line="60" />
        <source>Bid files</source>
        <translation>标书文件</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="172" />
        <source>Back up your key on the Keys page before you encrypt: an encrypted bid opens only with the key on this device or a verified backup of it. If this device is lost or broken before the opening and no one holds a backup, your bid cannot be opened.</source>
        <translation>加密前请先在“密钥管理”页面备份您的密钥：加密后的标书只能用本设备上的密钥或其已验证的备份解密。如果开标前本设备丢失或损坏，且无人持有备份，您的标书将无法解密。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="179" />
        <source>Drop bid files or folders here, or add them: each file is encrypted to your key on this device and signed with the chosen licence.</source>
        <translation>将投标文件或文件夹拖放到这里，或点击添加：每个文件都用您在本设备上的密钥加密，并用所选执照签名。</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="184" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="185" />
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="186" />
        <source>Cancel selected</source>
        <translation>取消所选</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="187" />
        <source>Cancel all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="188" />
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="189" />
        <source>Rehearse decryption</source>
        <translation>演练解密</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="190" />
        <source>Submit to the platform</source>
        <translation>递交到交易平台</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="195" />
        <source>Overall progress</source>
        <translation>总进度</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="222" />
        <source>Choose bid files</source>
        <translation>选择投标文件</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="271" />
        <source>No file manager could be opened here. The encrypted files are in {path}</source>
        <translation>此处无法打开文件管理器。加密后的文件在 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="285" />
        <source>{done} of {total}, {rate}/s, about {left} s left</source>
        <translation>{done} / {total}，{rate}/秒，约剩 {left} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="294" />
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/bids/page.py" line="315" />
        <source>Receipt {id} for {file} ({project}/{section}): SM3 {sm3}, received {time}; the platform's signature is verified against its certificate.</source>
        <translation>回执 {id}：{file}（{project}/{section}），SM3 {sm3}，接收时间 {time}；交易平台的签名已用其证书验证。</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/camera.py" line="223" />
        <source>Take a photo of the seal</source>
        <translation>拍摄印章照片</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="224" />
        <location filename="../../ui/camera.py" line="281" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="225" />
        <source>Live camera view</source>
        <translation>摄像头实时画面</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="226" />
        <source>&amp;Capture</source>
        <translation>拍照(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="227" />
        <source>Stamp the seal on white paper, lay it flat in even light and fill the frame with it.</source>
        <translation>请将印章盖在白纸上，平放在光线均匀处，并让印章占满画面。</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="260" />
        <source>The camera reported a problem: {message}</source>
        <translation>摄像头出现问题：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="264" />
        <source>No camera was found. Connect a webcam (and allow this app to use it), or open a photo of the seal from a file instead.</source>
        <translation>未找到摄像头。请连接摄像头（并允许本程序使用），或改为从文件打开印章照片。</translation>
    </message>
    <message>
        <location filename="../../ui/camera.py" line="271" />
        <source>No camera was found. Connect a webcam (and allow this app to use it), or scan your screen, open an image or paste one instead.</source>
        <translation>未找到摄像头。请连接摄像头（并允许本程序使用），或改为扫描屏幕、打开图片或粘贴图片。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/licences/password.py" line="53" />
        <source>Change the licence password</source>
        <translation>修改证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/password.py" line="54" />
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/password.py" line="55" />
        <source>Current licence password</source>
        <translation>当前证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/password.py" line="74" />
        <source>Re-sealing the keys under the new password…</source>
        <translation>正在用新密码重新加密密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/password.py" line="78" />
        <source>Licence password</source>
        <translation>证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/password.py" line="78" />
        <source>The licence password was changed.</source>
        <translation>证照密码已修改。</translation>
    </message>
</context>
<context>
    <name>ChooseCodeDialog</name>
    <message>
        <location filename="../../ui/scan/choose.py" line="28" />
        <location filename="../../ui/scan/choose.py" line="60" />
        <source>Several QR codes</source>
        <translation>多个二维码</translation>
    </message>
    <message>
        <location filename="../../ui/scan/choose.py" line="29" />
        <source>{n} QR codes were found. Choose the one to read:</source>
        <translation>找到 {n} 个二维码，请选择要识别的一个：</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="132" />
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="133" />
        <location filename="../../ui/seals/editor/controls.py" line="219" />
        <source>Straighten</source>
        <translation>校正角度</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="134" />
        <source>Light</source>
        <translation>明暗</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="135" />
        <source>Ink</source>
        <translation>印色</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="136" />
        <source>&amp;Angle</source>
        <translation>角度(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="137" />
        <source>&amp;Brightness</source>
        <translation>亮度(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="138" />
        <source>C&amp;ontrast</source>
        <translation>对比度(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="139" />
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="140" />
        <source>S&amp;hape</source>
        <translation>形状(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="141" />
        <source>Si&amp;ze</source>
        <translation>尺寸(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="142" />
        <source>Clean ink, &amp;transparent background</source>
        <translation>净化印迹，背景透明(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="143" />
        <source>Straightening angle in degrees</source>
        <translation>校正角度（度）</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="144" />
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="145" />
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="149" />
        <source>Ink colour: {name}</source>
        <translation>印色：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="151" />
        <source>{name} ink, RGB {r}, {g}, {b}</source>
        <translation>{name}印色，RGB {r}, {g}, {b}</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="156" />
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="156" />
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="156" />
        <source>Black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="157" />
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="160" />
        <source>Round</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="160" />
        <source>Oval</source>
        <translation>椭圆形</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="160" />
        <source>Square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="161" />
        <source>Rectangle</source>
        <translation>长方形</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="179" />
        <source>{deg}°</source>
        <translation>{deg}°</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="204" />
        <source>{d} mm</source>
        <translation>{d} 毫米</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="205" />
        <source>{w} × {h} mm</source>
        <translation>{w} × {h} 毫米</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="222" />
        <source>Brightness and contrast</source>
        <translation>亮度和对比度</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="227" />
        <source>Transparent background</source>
        <translation>透明背景</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="231" />
        <source>Ink colour</source>
        <translation>印色</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="235" />
        <source>Seal type</source>
        <translation>印章类型</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="240" />
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/controls.py" line="243" />
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
</context>
<context>
    <name>DeclarationPage</name>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="246" />
        <location filename="../../ui/licences/download_pages.py" line="247" />
        <source>Download declaration</source>
        <translation>下载声明</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="249" />
        <source>By downloading this electronic business licence I declare that:

1. The information I entered is true and I am the person named.
2. The licence is created on this device; its private key never leaves it and is protected by my licence password, which I keep secret.
3. I use the licence only for the enterprise and within the matters and time it allows, and I answer for every act done with it.
4. If this device or the password may have fallen into other hands, I will have the licence revoked at once.
5. The enterprise may revoke this copy at any time; a revoked licence cannot be used.</source>
        <translation>下载本电子营业执照，本人声明：

1. 本人填写的信息真实，且本人即为所填写的人员。
2. 执照在本设备上生成，其私钥不离开本设备，并由本人保密的证照密码保护。
3. 本人仅为该企业、在执照允许的事项和时间范围内使用执照，并对使用执照的一切行为负责。
4. 如本设备或密码可能落入他人之手，本人将立即申请吊销执照。
5. 企业可随时吊销本副本；已吊销的执照不能使用。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="258" />
        <source>I have &amp;read the declaration and accept it</source>
        <translation>我已阅读并接受以上声明(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DecryptPanel</name>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="55" />
        <source>The bid to decrypt</source>
        <translation>待解密的投标文件</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="56" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="56" />
        <source>Section</source>
        <translation>标段</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="56" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="57" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="57" />
        <source>Submitted at</source>
        <translation>递交时间</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="58" />
        <source>Key of this device</source>
        <translation>本设备的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="75" />
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="82" />
        <source>None: this device holds no key for this bid</source>
        <translation>无：本设备没有该投标文件的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="88" />
        <source>{label} (key id {kid})</source>
        <translation>{label}（密钥标识 {kid}）</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/licences/download.py" line="107" />
        <source>Licence downloaded</source>
        <translation>执照已下载</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download.py" line="110" />
        <source>{enterprise}
{role}: {holder}
Valid from {start} to {end}

It is listed on the Licences page.</source>
        <translation>{enterprise}
{role}：{holder}
有效期 {start} 至 {end}

可在“执照”页面查看。</translation>
    </message>
</context>
<context>
    <name>DownloadPage</name>
    <message>
        <location filename="../../ui/licences/download.py" line="40" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download.py" line="41" />
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download.py" line="46" />
        <source>Enterprise: {enterprise} ({code})
Holder: {name}

A new key is made on this computer and sealed under your licence password; only its public part goes to the authority.</source>
        <translation>企业：{enterprise}（{code}）
持有人：{name}

将在本机生成新密钥，并以您的证照密码加密保存；只有其公钥部分发送给登记机关。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download.py" line="79" />
        <source>download a licence</source>
        <translation>下载执照</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download.py" line="81" />
        <source>Downloading the licence…</source>
        <translation>正在下载执照…</translation>
    </message>
</context>
<context>
    <name>EncryptPanel</name>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="150" />
        <source>Bid files to encrypt and upload</source>
        <translation>待加密上传的投标文件</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="151" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="151" />
        <source>Section</source>
        <translation>标段</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="152" />
        <source>Bid deadline</source>
        <translation>投标截止时间</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="152" />
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="154" />
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="168" />
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="178" />
        <source>Choose the bid files to encrypt and upload</source>
        <translation>选择要加密上传的投标文件</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="189" />
        <source>None chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/bid_panel.py" line="192" />
        <source>{count} files, {size} in all</source>
        <translation>{count} 个文件，共 {size}</translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="120" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="121" />
        <source>Pick your enterprise, or enter its 18-character unified social credit code.</source>
        <translation>选择您的企业，或输入 18 位统一社会信用代码。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="123" />
        <source>&amp;Registered here:</source>
        <translation>本登记地企业(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="124" />
        <source>Enterprises registered at the chosen place</source>
        <translation>所选登记地的企业</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="125" />
        <source>&amp;Credit code:</source>
        <translation>信用代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="126" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="141" />
        <source>Choose… ({n} registered at {place})</source>
        <translation>请选择…（{place}共 {n} 家）</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="143" />
        <source>{name} (DEMO) — {code}</source>
        <translation>{name}（演示）— {code}</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="143" />
        <source>{name} — {code}</source>
        <translation>{name} — {code}</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="166" />
        <source>{name}, registered at {place}</source>
        <translation>{name}，登记地：{place}</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="170" />
        <source>This is not the registration place you chose ({place}): go back and choose {right}.</source>
        <translation>这不是您选择的登记地（{place}）：请返回并选择{right}。</translation>
    </message>
</context>
<context>
    <name>Finisher</name>
    <message>
        <location filename="../../ui/seals/editor/finishing.py" line="52" />
        <source>Rendering the imprint at full resolution…</source>
        <translation>正在以全分辨率生成印模…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finishing.py" line="72" />
        <source>Export the imprint to a folder</source>
        <translation>将印模导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finishing.py" line="80" />
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finishing.py" line="87" />
        <source>The imprint was saved as {path}.</source>
        <translation>印模已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/licences/first_run.py" line="246" />
        <source>Welcome to EBid Desk</source>
        <translation>欢迎使用电子投标助手</translation>
    </message>
</context>
<context>
    <name>GrantListDialog</name>
    <message>
        <location filename="../../ui/grants.py" line="309" />
        <source>Authorising…</source>
        <translation>正在授权…</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="312" />
        <source>Revoking…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="321" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="321" />
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="322" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="322" />
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>GuideBox</name>
    <message>
        <location filename="../../ui/home/guide_box.py" line="51" />
        <source>Getting ready to bid</source>
        <translation>投标准备</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="63" />
        <source>Next: {step}</source>
        <translation>下一步：{step}</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="71" />
        <source>Accept the authorisation and download the licence</source>
        <translation>接受授权并下载执照</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="72" />
        <source>Download the electronic business licence</source>
        <translation>下载电子营业执照</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="73" />
        <source>Collect the seal and its authorisation</source>
        <translation>领章与印章授权</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="74" />
        <source>Upload the imprint and collect the seal</source>
        <translation>上传印模并领章</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="75" />
        <source>Apply for a key and back it up</source>
        <translation>申请密钥并备份</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="76" />
        <source>Scan: log in, sign, encrypt</source>
        <translation>扫码：登录、签章、加密</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="82" />
        <source>Downloaded: {detail}</source>
        <translation>已下载：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="83" />
        <source>Collected: {detail}</source>
        <translation>已领章：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="84" />
        <source>Backed up and verified: {detail}</source>
        <translation>已备份并验证：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="85" />
        <source>Tasks answered on this device</source>
        <translation>本设备已处理过平台任务</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="88" />
        <source>The key {detail} is not backed up yet: back it up to a colleague's device on the Keys page, and have them verify it</source>
        <translation>密钥 {detail} 尚未备份：请在“密钥管理”页把它备份到同事的设备，并请对方完成备份验证</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="92" />
        <source>Ask the legal representative to authorise you (Licences page, on their device), then download your licence on the Licences page</source>
        <translation>请法定代表人在其设备的“执照”页为您授权，然后在“执照”页下载您的执照</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="94" />
        <source>Download your enterprise's licence on the Licences page</source>
        <translation>在“执照”页下载本企业的电子营业执照</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="95" />
        <source>Ask the legal representative to authorise a seal for you, then collect it on the Seals page</source>
        <translation>请法定代表人为您授权印章，然后在“印章”页领章</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="97" />
        <source>Upload the seal's imprint on the Seals page; once approved, collect the seal</source>
        <translation>在“印章”页上传印模，审核通过后领章</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="98" />
        <source>Apply for a key on the Keys page and back it up to a colleague's device</source>
        <translation>在“密钥管理”页申请密钥，并备份到同事的设备</translation>
    </message>
    <message>
        <location filename="../../ui/home/guide_box.py" line="99" />
        <source>When the e-bidding platform shows a QR code, click “Scan the QR code on my screen” above</source>
        <translation>招投标平台页面出示二维码时，点上方的“扫描屏幕上的二维码”</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home/page.py" line="159" />
        <location filename="../../ui/main_window.py" line="57" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="162" />
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="163" />
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="166" />
        <source>Electronic business licence wallet, seals and bid-file encryption for e-bidding.</source>
        <translation>电子营业执照、电子印章与投标文件加密，一站完成电子投标。</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="171" />
        <source>Scan the QR code on my screen</source>
        <translation>扫描屏幕上的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="172" />
        <source>Read the QR code an e-bidding platform shows in your browser (the Scan page also reads the camera and images)</source>
        <translation>识别电子招投标平台在浏览器中显示的二维码（“扫一扫”页面还可以用摄像头和图片扫码）</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="174" />
        <source>Open the e-bidding platform in the browser</source>
        <translation>在浏览器中打开招投标平台</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="176" />
        <source>The platform's pages (log in, sign, upload, opening hall) show the QR codes this app scans</source>
        <translation>平台网页（登录、签章、上传、开标大厅）会显示本软件扫描的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="178" />
        <location filename="../../ui/home/page.py" line="187" />
        <source>Projects you have bid on</source>
        <translation>已投标的项目</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="181" />
        <source>Project / file</source>
        <translation>项目 / 文件</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="182" />
        <source>Section</source>
        <translation>标段</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="183" />
        <source>Opening</source>
        <translation>开标</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="184" />
        <source>Key on this device</source>
        <translation>本设备的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="188" />
        <source>Update from the platform…</source>
        <translation>从交易平台更新…</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="190" />
        <source>List every submission of your enterprise (asks for the licence password)</source>
        <translation>列出贵企业的全部递交记录（需要输入执照密码）</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="207" />
        <source>E-bidding platform</source>
        <translation>招投标平台</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="208" />
        <source>The service is not connected yet; try again in a moment.</source>
        <translation>服务尚未连接，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="254" />
        <source>Asking the platform…</source>
        <translation>正在查询交易平台…</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="252" />
        <source>list your enterprise's submissions</source>
        <translation>列出贵企业的递交记录</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="316" />
        <source>Download a licence on the Licences page; bids you submit will be listed here.</source>
        <translation>请在执照页面下载执照；您递交的标书将列在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="319" />
        <source>Connecting to the platform…</source>
        <translation>正在连接交易平台…</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="322" />
        <source>No bids submitted from this device yet. Bids from other devices of your enterprise appear after “Update from the platform”.</source>
        <translation>本设备尚未递交标书。贵企业在其他设备上递交的标书，点击“从交易平台更新”后显示。</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="326" />
        <source>Before each opening, make sure a device you will have at hand holds a key that opens your file.</source>
        <translation>每次开标前，请确认您届时手边的设备持有能打开标书的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="336" />
        <source>{holder}'s licence ends {end}, before {project} opens {opening}: renew it (an agent: have the authorisation extended) before the opening, because the decryption is signed with it.</source>
        <translation>{holder} 的执照将于 {end} 到期，早于 {project} 的开标时间 {opening}：请在开标前续期（代理人请延长授权），因为开标解密要用它签名。</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="340" />
        <source>its backup no longer counts: the holder's licence is no longer valid ({holders})</source>
        <translation>它的备份已不再有效：备份持有人的执照已失效（{holders}）</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="343" />
        <source>its backup is not verified yet ({holders} must verify it)</source>
        <translation>它的备份尚未验证（须由 {holders} 完成备份验证）</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="346" />
        <source>it is on this device only</source>
        <translation>它只在此设备上</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="348" />
        <source>{project} opens {opening}: the key {key} that opens {file} has no live backup — {why}. If this device is lost before then, the bid cannot be opened: back the key up on the Keys page.</source>
        <translation>{project} 将于 {opening} 开标：能解密 {file} 的密钥 {key} 没有有效备份——{why}。如果此设备在开标前丢失，这份投标将无法解密：请到“密钥管理”页备份密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="354" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="356" />
        <source>opened {time}</source>
        <translation>已于 {time} 开标</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="361" />
        <source>in {days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时后</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="362" />
        <source>in {hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分后</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="366" />
        <source>Yes (key {id})</source>
        <translation>有（密钥 {id}）</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="368" />
        <source>No: no key on this device opens it</source>
        <translation>没有：本设备上没有能打开它的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/home/page.py" line="369" />
        <source>Unknown: submitted from another device</source>
        <translation>未知：从其他设备递交</translation>
    </message>
</context>
<context>
    <name>ImprintEditor</name>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="158" />
        <source>Imprint editor</source>
        <translation>印模编辑器</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="159" />
        <location filename="../../ui/seals/editor/dialog.py" line="168" />
        <source>Open photo…</source>
        <translation>打开照片…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="159" />
        <location filename="../../ui/seals/editor/dialog.py" line="169" />
        <source>Take photo…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="160" />
        <location filename="../../ui/seals/editor/dialog.py" line="221" />
        <source>Find the seal</source>
        <translation>自动识别印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="160" />
        <location filename="../../ui/seals/editor/dialog.py" line="213" />
        <source>Rotate 90°</source>
        <translation>旋转 90°</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="161" />
        <source>Before/after</source>
        <translation>处理前/后对比</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="161" />
        <source>True size</source>
        <translation>实际尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="162" />
        <location filename="../../ui/seals/editor/dialog.py" line="170" />
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="162" />
        <location filename="../../ui/seals/editor/dialog.py" line="171" />
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="165" />
        <source>{action} ({keys})</source>
        <translation>{action}（{keys}）</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="167" />
        <source>Open a photo of the stamped seal, or take one with the webcam.</source>
        <translation>请打开一张盖好印章的照片，或用摄像头拍一张。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="172" />
        <source>Use this imprint</source>
        <translation>使用此印模</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="173" />
        <source>Photo with crop rectangle and seal outline</source>
        <translation>带裁剪框和印章轮廓的照片</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="174" />
        <source>Imprint preview</source>
        <translation>印模预览</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="185" />
        <source>Open a photo of the seal</source>
        <translation>打开印章照片</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="188" />
        <location filename="../../ui/seals/editor/dialog.py" line="195" />
        <source>Opening the photo…</source>
        <translation>正在打开照片…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="202" />
        <source>No seal was found automatically. Drag the crop rectangle around the imprint.</source>
        <translation>未能自动找到印章。请拖动裁剪框框住印迹。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="224" />
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="250" />
        <source>Size {w} × {h} mm. Preview rendered in {ms} ms.</source>
        <translation>尺寸 {w} × {h} 毫米。预览用时 {ms} 毫秒。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="254" />
        <source>Shown at true size ({dpi} dots per inch on this screen).</source>
        <translation>按实际尺寸显示（本屏幕每英寸 {dpi} 点）。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/dialog.py" line="275" />
        <source>The seal office would likely reject this imprint (see the pre-check). Use it anyway?</source>
        <translation>印章管理部门很可能会退回此印模（见预检结果）。仍要使用吗？</translation>
    </message>
</context>
<context>
    <name>KeyGuard</name>
    <message>
        <location filename="../../ui/keys/guard.py" line="20" />
        <source>Back up your key first</source>
        <translation>请先备份密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/guard.py" line="21" />
        <source>Back up the key now, or encrypt anyway if you accept that losing this device loses this bid. If you encrypt anyway, your choice is recorded in the audit log.</source>
        <translation>请现在备份密钥；如果您接受“此设备丢失，这份投标就无法解密”的风险，也可以仍然加密。选择仍然加密会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/guard.py" line="27" />
        <source>Back up the key…</source>
        <translation>备份密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/guard.py" line="29" />
        <source>Encrypt anyway: I accept that losing this device loses this bid</source>
        <translation>仍然加密：我接受此设备丢失即无法解密这份投标的风险</translation>
    </message>
</context>
<context>
    <name>KeyNotices</name>
    <message>
        <location filename="../../ui/keys/notices.py" line="149" />
        <source>The service countersigned a newer or another state of this device's audit log than the one here: the keystore file may have been restored from an older copy or altered. Check it with `ebid audit verify --online`.</source>
        <translation>服务端会签过本设备审计日志的更新或不同的状态，与本机现有的不一致：密钥库文件可能已被旧副本还原或被篡改。请用 `ebid audit verify --online` 检查。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/notices.py" line="159" />
        <source>{sender} confirmed a recovery of your key {key} for another device: veto it on the Keys page if you did not ask for it</source>
        <translation>{sender} 已确认把您的密钥 {key} 恢复到另一台设备：如果不是您申请的，请到“密钥管理”页否决</translation>
    </message>
    <message>
        <location filename="../../ui/keys/notices.py" line="165" />
        <source>backups to verify: {n} (from {senders})</source>
        <translation>待验证的备份 {n} 个（来自 {senders}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/notices.py" line="168" />
        <source>recovery requests to answer: {n} (from {senders})</source>
        <translation>待处理的恢复申请 {n} 个（来自 {senders}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/notices.py" line="172" />
        <source>recoveries vetoed by the key's owner: {n} (from {senders})</source>
        <translation>被密钥所有人否决的恢复：{n} 个（来自 {senders}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/notices.py" line="176" />
        <source>backups withdrawn by their owners, to delete: {n} (from {senders})</source>
        <translation>被所有人撤回、待删除的备份：{n} 个（来自 {senders}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/notices.py" line="178" />
        <source>Keys page: {what}</source>
        <translation>密钥管理：{what}</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../../ui/keys/page.py" line="151" />
        <location filename="../../ui/main_window.py" line="62" />
        <source>Keys</source>
        <translation>密钥管理</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="154" />
        <source>&amp;Licence:</source>
        <translation>证照(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="155" />
        <source>&amp;Check with the service…</source>
        <translation>向服务查询(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="156" />
        <source>&amp;Apply for a key…</source>
        <translation>申请密钥(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="157" />
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="158" />
        <source>Request &amp;recovery…</source>
        <translation>申请恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="159" />
        <source>Back up to a &amp;file…</source>
        <translation>备份到文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="161" />
        <source>Write the backup package to a file and hand it to its holder (no mailbox); they import it</source>
        <translation>将备份包写入文件并交给备份持有人（不经消息中转），由对方导入</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="162" />
        <source>&amp;Import a file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="168" />
        <source>&amp;Withdraw a backup…</source>
        <translation>撤回备份(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="170" />
        <source>Take the chosen key's backup back from a holder (a colleague who changes role or leaves): it stops counting, and their device deletes its copy</source>
        <translation>从某位持有人处撤回所选密钥的备份（同事调岗或离职时）：该备份不再有效，对方设备会删除其副本</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="172" />
        <source>Show a file as &amp;QR codes…</source>
        <translation>以二维码显示文件(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="174" />
        <source>For a device with a camera and no shared folder: show a key-backup file or card written here as a sequence of QR codes, for its Scan page to read</source>
        <translation>用于有摄像头、但没有共享文件夹的设备：把在本机写出的密钥备份文件或名片显示为一组二维码，供对方的扫一扫页面读取</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="178" />
        <source>For a holder on another service (two PCs, each with its own): write a signed card of the chosen key, and read the fingerprint it shows out to them</source>
        <translation>用于另一服务上的持有人（两台电脑各用自己的服务）：写出所选密钥的签名名片，并把显示的指纹念给对方核对</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="182" />
        <source>Take another holder's card after comparing its fingerprint with the one they read out to you</source>
        <translation>核对对方念给您的指纹一致后，导入其名片</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="164" />
        <source>Take a backup package or an answer to this device from a file</source>
        <translation>从文件接收备份包（备份验证）或发给本设备的答复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="166" />
        <source>On a new device: ask a backup holder of your key on another device to give it back to this device's key</source>
        <translation>在新设备上：请您在其他设备上的密钥的备份持有人将密钥恢复到本设备（申请恢复）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="176" />
        <source>E&amp;xport my card…</source>
        <translation>导出我的名片(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="180" />
        <source>Import a car&amp;d…</source>
        <translation>导入名片(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="183" />
        <source>Request recovery b&amp;y file…</source>
        <translation>以文件申请恢复(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="185" />
        <source>On a new device: write a recovery request for a backup holder on another service, whose card you imported; import their answer with "Import a file"</source>
        <translation>在新设备上：为另一服务上的备份持有人（已导入其名片）写出恢复申请文件；对方的回复用“导入文件”导入</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="187" />
        <source>&amp;Verify backup…</source>
        <translation>备份验证(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="188" />
        <source>Con&amp;firm recovery…</source>
        <translation>确认恢复(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="189" />
        <source>&amp;Refuse…</source>
        <translation>拒绝(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="190" />
        <source>V&amp;eto recovery…</source>
        <translation>否决恢复(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="191" />
        <source>Stop a recovery of your key to another device before it takes effect</source>
        <translation>在生效前阻止将您的密钥恢复到其他设备</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="192" />
        <location filename="../../ui/keys/page.py" line="202" />
        <source>My keys</source>
        <translation>我的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="193" />
        <location filename="../../ui/keys/page.py" line="330" />
        <source>Keys I back up</source>
        <translation>我备份的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="194" />
        <location filename="../../ui/keys/page.py" line="203" />
        <source>Keys other holders backed up to this device</source>
        <translation>其他持有人备份到本设备的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="195" />
        <location filename="../../ui/keys/page.py" line="204" />
        <source>Waiting for your decision</source>
        <translation>等待您处理</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="196" />
        <location filename="../../ui/keys/page.py" line="198" />
        <location filename="../../ui/keys/page.py" line="200" />
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="196" />
        <source>Where</source>
        <translation>所在</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="196" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="196" />
        <location filename="../../ui/keys/page.py" line="198" />
        <source>Key id</source>
        <translation>密钥标识</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="197" />
        <source>Backup holders</source>
        <translation>备份持有人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="198" />
        <source>Owner</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="198" />
        <source>Held since</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="199" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="199" />
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="199" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="200" />
        <source>New device</source>
        <translation>新设备</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="200" />
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="201" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="210" />
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="210" />
        <source>This device (recovered)</source>
        <translation>本设备（已恢复）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="211" />
        <source>Another device</source>
        <translation>其他设备</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="215" />
        <source>{name}: verified {time}</source>
        <translation>{name}：已验证（{time}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="217" />
        <source>{name}: sent, not verified yet</source>
        <translation>{name}：已发送，尚未验证</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="219" />
        <source>{name}: holder's licence revoked, the backup no longer counts</source>
        <translation>{name}：持有人证照已注销，该备份不再有效</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="221" />
        <source>{name}: holder's licence expired, the backup no longer counts</source>
        <translation>{name}：持有人证照已过期，该备份不再有效</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="223" />
        <source>{name}: backup withdrawn</source>
        <translation>{name}：备份已撤回</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="227" />
        <source>Backup to verify</source>
        <translation>待验证的备份</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="227" />
        <source>Recovery request</source>
        <translation>恢复申请</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="228" />
        <source>Recovery of your key</source>
        <translation>您的密钥的恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="232" />
        <source>The acknowledgement of your backup of {key} from {name} could not be taken: {reason}</source>
        <translation>无法接收 {name} 对您的密钥 {key} 备份的验证确认：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="234" />
        <source>The recovery of {key} from {name} could not be taken: {reason}</source>
        <translation>无法接收 {name} 恢复的密钥 {key}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="235" />
        <source>A message about {key} from {name} could not be taken: {reason}</source>
        <translation>无法接收 {name} 发来的关于密钥 {key} 的消息：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="237" />
        <source>{name} verified your backup of {key}.</source>
        <translation>{name} 已验证您的密钥 {key} 的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="238" />
        <source>{name} gave the key {key} back: it is on this device again.</source>
        <translation>{name} 已恢复密钥 {key}：该密钥已回到本设备。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="239" />
        <source>The owner of {key} vetoed the recovery you confirmed.</source>
        <translation>密钥 {key} 的所有人否决了您确认的恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="249" />
        <source>{enterprise} — {holder}</source>
        <translation>{enterprise} — {holder}</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="278" />
        <source>There is no licence on this device yet: download one on the Licences page first.</source>
        <translation>本设备还没有证照：请先在“证照”页面下载证照。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="281" />
        <source>Backup states and messages as the service knows them now.</source>
        <translation>以下为服务当前记录的备份状态和消息。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="283" />
        <source>Keys changed on this device since the last check with the service: check again for the current backup states and messages.</source>
        <translation>自上次向服务查询以来，本设备上的密钥有变化：请再次查询以获取最新的备份状态和消息。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="286" />
        <source>The keys on this device. Check with the service (licence password) to see whether each backup is verified and which messages wait for you.</source>
        <translation>本设备上的密钥。向服务查询（需证照密码）可查看各备份是否已验证，以及有哪些消息等待您处理。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="298" />
        <source>This device, a backup held for {owner}</source>
        <translation>本设备（为 {owner} 保管的备份）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="299" />
        <source>(you are its backup holder)</source>
        <translation>（您是其备份持有人）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="304" />
        <source>No backup yet</source>
        <translation>尚未备份</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="307" />
        <source>{where} — recovery requested {time}</source>
        <translation>{where} — 已于 {time} 申请恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="309" />
        <source>(not registered)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="320" />
        <source>Confirmed by its backup holder; takes effect {time} unless you veto it</source>
        <translation>备份持有人已确认；除非您否决，将于 {time} 生效</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="328" />
        <source>Keys I back up ({n})</source>
        <translation>我备份的密钥（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="393" />
        <source>check the keys with the service</source>
        <translation>向服务查询密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="394" />
        <source>Contacting the service…</source>
        <translation>正在连接服务…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="399" />
        <source>Bid encryption key on {device}</source>
        <translation>{device} 上的投标加密密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="401" />
        <source>apply for an encryption key</source>
        <translation>申请加密密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="402" />
        <source>Applying for an encryption key…</source>
        <translation>正在申请加密密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="431" />
        <source>back up the key</source>
        <translation>备份密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="433" />
        <source>Looking for backup holders…</source>
        <translation>正在查找可备份的持有人…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="444" />
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="446" />
        <source>No holder of your enterprise can receive a backup yet. The legal representative, a licence manager or an agent must download their licence on their own device and apply for a key there (Keys page, "Apply for a key"); then back up again.</source>
        <translation>本企业暂无可接收备份的持有人。请法定代表人、证照管理员或经办人在其本人的设备上下载证照并申请密钥（“密钥管理”页面的“申请密钥”），然后再进行备份。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="450" />
        <source>Holders without a key yet: {names}.</source>
        <translation>尚未申请密钥的持有人：{names}。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="451" />
        <location filename="../../ui/keys/page.py" line="468" />
        <location filename="../../ui/keys/page.py" line="471" />
        <location filename="../../ui/keys/page.py" line="478" />
        <location filename="../../ui/keys/page.py" line="481" />
        <location filename="../../ui/keys/page.py" line="489" />
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="455" />
        <source>{name} ({role}) — {label} — {record}</source>
        <translation>{name}（{role}）— {label} — {record}</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="458" />
        <source>(your key on another device)</source>
        <translation>（您在其他设备上的密钥）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="461" />
        <source>{name} ({role}) — {label} — {record} (from their card)</source>
        <translation>{name}（{role}）— {label} — {record}（来自其名片）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="463" />
        <source>Back up the key {key} to whom? Once they verify it, their device can also open bids encrypted to it and give it back to you on a new device.</source>
        <translation>将密钥 {key} 备份给谁？对方完成备份验证后，其设备也能解密用该密钥加密的标书，并可在您更换设备时为您恢复密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="490" />
        <source>The backup was sent. It counts once its holder verifies it on their device.</source>
        <translation>备份已发送。备份持有人在其设备上完成备份验证后，该备份方才有效。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="506" />
        <source>The backup package was written to {path}. Hand it to its holder: they import it on the Keys page, and the backup counts once they have.</source>
        <translation>备份包已写入 {path}。请交给备份持有人：对方在“密钥管理”页面导入（备份验证）后，该备份方才有效。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="542" />
        <source>Recovery of {key} was requested from {name}. Once they confirm it on their device, check with the service here: the key is then taken onto this device.</source>
        <translation>已向 {name} 申请恢复密钥 {key}。对方在其设备上确认恢复后，请在此处向服务查询，密钥即会恢复到本设备。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="473" />
        <source>Waiting period, in hours, before a recovery of this key takes effect (0 to 72). During it your other devices can veto a recovery you did not ask for; 0 lets a recovery work at once, as on an opening day.</source>
        <translation>该密钥的恢复在确认后多少小时生效（0 至 72）。在此期间，您的其他设备可以否决并非您本人申请的恢复；0 表示确认后立即生效（适用于开标当天）。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="497" />
        <location filename="../../ui/keys/page.py" line="505" />
        <source>Back up to a file</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="511" />
        <source>Writing the backup package…</source>
        <translation>正在写入备份包…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="514" />
        <source>Sending the backup…</source>
        <translation>正在发送备份…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="522" />
        <location filename="../../ui/keys/page.py" line="720" />
        <source>{name} ({record})</source>
        <translation>{name}（{record}）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="527" />
        <location filename="../../ui/keys/page.py" line="721" />
        <source>Ask whom to give the key {key} back to this device?</source>
        <translation>请谁将密钥 {key} 恢复到本设备？</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="530" />
        <location filename="../../ui/keys/page.py" line="534" />
        <location filename="../../ui/keys/page.py" line="541" />
        <source>Request recovery</source>
        <translation>申请恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="547" />
        <location filename="../../ui/keys/page.py" line="741" />
        <source>ask {name} to give the key back</source>
        <translation>请 {name} 恢复密钥</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="549" />
        <source>Sending the recovery request…</source>
        <translation>正在发送恢复申请…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="558" />
        <source>verify the backup</source>
        <translation>验证备份</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="559" />
        <source>Verifying the backup…</source>
        <translation>正在验证备份…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="563" />
        <source>Verify backup</source>
        <translation>备份验证</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="564" />
        <source>The backup of {key} from {owner} is verified and kept on this device; {owner} has been told.</source>
        <translation>{owner} 的密钥 {key} 备份已验证并保存在本设备上，已通知 {owner}。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="568" />
        <source>{name} (ID number {masked}) asks for the key {key} on a new device with key fingerprint {device}, requested {time}.</source>
        <translation>{name}（身份证号 {masked}）于 {time} 申请将密钥 {key} 恢复到新设备（设备密钥指纹 {device}）。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="577" />
        <location filename="../../ui/keys/page.py" line="635" />
        <source>Confirm recovery</source>
        <translation>确认恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="578" />
        <location filename="../../ui/keys/page.py" line="639" />
        <source>Give the key back only if you know this request comes from its owner. Confirm the recovery?</source>
        <translation>请确认该申请确实来自密钥所有人本人后再恢复。确认恢复吗？</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="581" />
        <location filename="../../ui/keys/page.py" line="652" />
        <source>confirm the recovery</source>
        <translation>确认恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="582" />
        <location filename="../../ui/keys/page.py" line="654" />
        <source>Confirming the recovery…</source>
        <translation>正在确认恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="587" />
        <location filename="../../ui/keys/page.py" line="600" />
        <source>Import a key-backup file</source>
        <translation>导入密钥备份文件</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="611" />
        <source>Save the acknowledgement for {name}</source>
        <translation>保存给 {name} 的备份确认</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="619" />
        <source>The backup package in {path} is verified and kept on this device; its owner has been told.</source>
        <translation>{path} 中的备份包已验证并保存在本设备上，已通知密钥所有人。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="621" />
        <source>The acknowledgement in {path} is taken: the backup counts.</source>
        <translation>已接收 {path} 中的验证确认：该备份有效。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="622" />
        <source>The key in {path} is on this device again.</source>
        <translation>{path} 中的密钥已恢复到本设备。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="623" />
        <source>The veto in {path} is taken: the recovery never takes effect.</source>
        <translation>已接收 {path} 中的否决：该恢复永不生效。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="624" />
        <source>The withdrawal in {path} is taken: the copy of that backup on this device is deleted (if it held one).</source>
        <translation>已接收 {path} 中的撤回：本设备上该备份的副本已删除（如有）。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="627" />
        <source>The backup package in {path} is verified and kept on this device. Hand the acknowledgement in {answer} to its owner: they import it, and the backup counts.</source>
        <translation>{path} 中的备份包已验证并保存在本设备。请将 {answer} 中的备份确认交给密钥所有人：对方导入后，备份即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="631" />
        <source>import the file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="632" />
        <source>Importing the file…</source>
        <translation>正在导入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="637" />
        <source>{name} (ID number {masked}) asks, in {path}, for the key {key} on a new device.</source>
        <translation>{name}（身份证号 {masked}）通过 {path} 申请将密钥 {key} 恢复到新设备。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="641" />
        <source>Save the recovery for {name}</source>
        <translation>保存给 {name} 的恢复文件</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="649" />
        <source>The recovery of {key} was written to {path}. Hand it to {name}: they import it on their new device.</source>
        <translation>密钥 {key} 的恢复文件已写入 {path}。请交给 {name}：对方在新设备上导入即可。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="662" />
        <source>Export my card</source>
        <translation>导出我的名片</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="669" />
        <source>The card of {key} was written to {path}; hand it to the holder on the other service. Then read this fingerprint of your authority's root out to them (by phone or in person), so that they can compare it before they import the card:

{fingerprint}</source>
        <translation>密钥 {key} 的名片已写入 {path}，请交给另一服务上的持有人。然后把您所属认证机构根证书的指纹（通过电话或当面）念给对方，以便对方导入名片前核对：

{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="674" />
        <source>export the card</source>
        <translation>导出名片</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="675" />
        <source>Writing the card…</source>
        <translation>正在写出名片…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="680" />
        <location filename="../../ui/keys/page.py" line="685" />
        <source>Import a card</source>
        <translation>导入名片</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="692" />
        <source>The card of {name} ({role}), key {key}, of the enterprise {code}. Its authority root's fingerprint is:

{fingerprint}

Compare it with the one {name} reads out to you. Import the card only if they are the same.</source>
        <translation>这是 {name}（{role}）的名片，密钥 {key}，企业 {code}。其认证机构根证书的指纹为：

{fingerprint}

请与 {name} 念给您的指纹核对，完全一致才可导入。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="702" />
        <source>The card of {name} is kept: you can back up to their key {key} by file, and take their files.</source>
        <translation>已保存 {name} 的名片：您可以通过文件备份到其密钥 {key}，并接收其文件。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="705" />
        <source>import the card</source>
        <translation>导入名片</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="707" />
        <source>Checking the card…</source>
        <translation>正在检查名片…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="713" />
        <source>Request recovery by file</source>
        <translation>以文件申请恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="717" />
        <source>Import the card of the holder who keeps your backup first ("Import a card"): the request is sealed to their key.</source>
        <translation>请先导入保管您备份的持有人的名片（“导入名片”）：申请将加密给其密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="738" />
        <source>The recovery request was written to {path}. Hand it to {name}; import the file they give back ("Import a file"): the key is then on this device.</source>
        <translation>恢复申请已写入 {path}。请交给 {name}；导入对方交回的文件（“导入文件”）后，密钥即回到本设备。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="743" />
        <source>Writing the recovery request…</source>
        <translation>正在写出恢复申请…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="749" />
        <source>Show a file as QR codes</source>
        <translation>以二维码显示文件</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="766" />
        <source>Withdraw a backup</source>
        <translation>撤回备份</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="770" />
        <source>Withdraw the backup of {key} from whom?</source>
        <translation>从谁处撤回密钥 {key} 的备份？</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="781" />
        <source>{name} can then no longer give the key back to you, and the backup stops counting: bids need another verified backup. Their device deletes its copy when it takes the withdrawal; a copy they kept elsewhere would still open bids encrypted to this key — for new bids, apply for a new key and back it up. Withdraw the backup?</source>
        <translation>撤回后 {name} 将无法再为您恢复该密钥，该备份也不再有效：加密投标文件需要另一个已验证的备份。对方设备接收撤回时会删除其副本；若对方另行保留了副本，仍可打开加密给该密钥的投标文件——今后的投标请申请新密钥并备份。确定撤回备份？</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="794" />
        <source>The backup held by {name} is withdrawn.</source>
        <translation>{name} 持有的备份已撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="796" />
        <source>Hand {path} to them: their device deletes its copy when they import it.</source>
        <translation>请将 {path} 交给对方：对方导入后，其设备会删除副本。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="800" />
        <source>withdraw the backup held by {name}</source>
        <translation>撤回 {name} 持有的备份</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="802" />
        <source>Withdrawing the backup…</source>
        <translation>正在撤回备份…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="808" />
        <source>Veto recovery</source>
        <translation>否决恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="809" />
        <source>{name} confirmed a recovery of your key {key} to another device; it takes effect {time}. Veto it if you did not ask for it: it then never takes effect.</source>
        <translation>{name} 已确认将您的密钥 {key} 恢复到另一台设备，将于 {time} 生效。如果这不是您本人申请的，请否决，该恢复将永不生效。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="813" />
        <source>veto the recovery</source>
        <translation>否决恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="814" />
        <source>Vetoing the recovery…</source>
        <translation>正在否决恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="820" />
        <source>Refuse recovery</source>
        <translation>拒绝恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="821" />
        <source>Refuse this request? The requester is not told; their request expires.</source>
        <translation>拒绝该申请吗？申请人不会收到通知，其申请将自动过期。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="824" />
        <source>refuse the recovery</source>
        <translation>拒绝恢复</translation>
    </message>
    <message>
        <location filename="../../ui/keys/page.py" line="825" />
        <source>Refusing the recovery…</source>
        <translation>正在拒绝恢复…</translation>
    </message>
</context>
<context>
    <name>LicenceCardDialog</name>
    <message>
        <location filename="../../ui/licences/card.py" line="76" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="77" />
        <source>Enterprise name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="78" />
        <source>Registration place</source>
        <translation>登记地</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="81" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="83" />
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="83" />
        <source>{name} (ID number {masked})</source>
        <translation>{name}（身份证号码 {masked}）</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="85" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="86" />
        <source>Matters</source>
        <translation>授权事项</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="87" />
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="87" />
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="89" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="90" />
        <source>Certificate serial number</source>
        <translation>证书序列号</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="95" />
        <source>Licence of {enterprise}</source>
        <translation>{enterprise}的电子营业执照</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="96" />
        <source>Electronic business licence</source>
        <translation>电子营业执照</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="97" />
        <source>Electronic business licence of {enterprise}</source>
        <translation>{enterprise}的电子营业执照</translation>
    </message>
    <message>
        <location filename="../../ui/licences/card.py" line="109" />
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
</context>
<context>
    <name>LicenceDownloadWizard</name>
    <message>
        <location filename="../../ui/licences/download.py" line="138" />
        <source>Download an electronic business licence</source>
        <translation>下载电子营业执照</translation>
    </message>
</context>
<context>
    <name>LicencesPage</name>
    <message>
        <location filename="../../ui/licences/page.py" line="88" />
        <location filename="../../ui/main_window.py" line="59" />
        <source>Licences</source>
        <translation>执照</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="91" />
        <source>Electronic business licences on this computer.</source>
        <translation>本机上的电子营业执照。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="92" />
        <source>&amp;Download a licence…</source>
        <translation>下载执照(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="93" />
        <source>D&amp;etails…</source>
        <translation>详情(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="94" />
        <source>Show the selected licence as a card: enterprise, credit code, holder, role, matters, validity and state</source>
        <translation>以执照卡片显示所选执照：企业、统一社会信用代码、持有人、角色、授权事项、有效期和状态</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="96" />
        <source>Licence &amp;managers…</source>
        <translation>证照管理员(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="97" />
        <source>&amp;Agent authorisations…</source>
        <translation>办事人授权(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="98" />
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="99" />
        <source>Licences on this computer</source>
        <translation>本机上的执照</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="100" />
        <source>The legal representative adds and removes up to five licence managers</source>
        <translation>法定代表人可添加和移除最多五名证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="101" />
        <source>Authorise agents for all business or specific matters</source>
        <translation>为办事人授予全业务或精准事项授权</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="154" />
        <source>Revocations not checked: {reason}</source>
        <translation>未检查吊销状态：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="156" />
        <source>Revocations checked with the service at {time}.</source>
        <translation>已于 {time} 向服务核对吊销状态。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/page.py" line="159" />
        <source>Revocations not checked (the service is not connected): states are computed on this computer.</source>
        <translation>未检查吊销状态（服务未连接）：状态由本机计算。</translation>
    </message>
</context>
<context>
    <name>LockButton</name>
    <message>
        <location filename="../../ui/lock_state.py" line="39" />
        <source>Unlocked for {minutes} more min — Lock now</source>
        <translation>已解锁，还剩 {minutes} 分钟 — 立即锁定</translation>
    </message>
    <message>
        <location filename="../../ui/lock_state.py" line="40" />
        <source>The licence password is not asked again until the wallet locks: after {n} minutes without use, or now with this button (Settings: how long)</source>
        <translation>钱包锁定前不会再次询问证照密码：闲置 {n} 分钟后自动锁定，或点此按钮立即锁定（时长在“设置”中选择）</translation>
    </message>
    <message>
        <location filename="../../ui/lock_state.py" line="43" />
        <source>Lock the wallet</source>
        <translation>锁定钱包</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <location filename="../../ui/main_window.py" line="214" />
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220" />
        <source>{title} ({n})</source>
        <translation>{title}（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248" />
        <source>Quit EBid Desk</source>
        <translation>退出电子投标助手</translation>
    </message>
</context>
<context>
    <name>ManagersDialog</name>
    <message>
        <location filename="../../ui/licences/managers.py" line="46" />
        <source>manage licence managers</source>
        <translation>管理证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="50" />
        <source>Contacting the service…</source>
        <translation>正在连接服务…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="36" />
        <source>Licence managers of {enterprise}</source>
        <translation>{enterprise}的证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="37" />
        <source>Licence managers may download the licence and authorise agents. An enterprise has at most {n}.</source>
        <translation>证照管理员可以下载执照并授权办事人。每个企业最多 {n} 名。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="39" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="39" />
        <source>ID number</source>
        <translation>身份号码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="39" />
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="40" />
        <source>Licence managers</source>
        <translation>证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="41" />
        <source>Add a licence manager</source>
        <translation>添加证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="42" />
        <source>&amp;Add manager</source>
        <translation>添加管理员(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="43" />
        <source>&amp;Remove manager…</source>
        <translation>移除管理员(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="78" />
        <source>Adding the manager…</source>
        <translation>正在添加管理员…</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="81" />
        <source>Remove licence manager</source>
        <translation>移除证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="82" />
        <source>Remove {name} as licence manager of {enterprise}?

This revokes every licence copy {name} downloaded for the enterprise, on every device: they can no longer be used.</source>
        <translation>确定移除 {name} 的{enterprise}证照管理员身份？

这将吊销 {name} 为该企业在所有设备上下载的全部执照副本，这些副本将不能再使用。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="99" />
        <source>Licence manager removed</source>
        <translation>证照管理员已移除</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="100" />
        <source>{name} is no longer a licence manager; {n} licence copies were revoked.</source>
        <translation>{name} 已不再是证照管理员；{n} 份执照副本已被吊销。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/managers.py" line="104" />
        <source>Removing the manager…</source>
        <translation>正在移除管理员…</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../../ui/licences/first_run.py" line="168" />
        <source>Set the licence password</source>
        <translation>设置证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="170" />
        <source>The licence password protects the private keys of your licences on this computer. Nobody can reset it: if you forget it, you must download your licences again.</source>
        <translation>证照密码保护本机上执照的私钥。任何人都无法重置它：如果忘记，您必须重新下载执照。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="190" />
        <source>Protecting the keystore…</source>
        <translation>正在保护密钥库…</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../ui/grants.py" line="106" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="106" />
        <source>&amp;ID number:</source>
        <translation>身份号码(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="106" />
        <source>Mo&amp;bile (optional):</source>
        <translation>手机(&amp;B)（可选）：</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="108" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="109" />
        <source>Resident ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="110" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="111" />
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <location filename="../../ui/grants.py" line="136" />
        <source>{name} (ID number {masked})</source>
        <translation>{name}（身份证号码 {masked}）</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="214" />
        <source>Real-name verification</source>
        <translation>实名验证</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="215" />
        <source>The person who will hold this licence copy: the legal representative, a licence manager or an authorised agent.</source>
        <translation>将持有此执照副本的人员：法定代表人、证照管理员或经授权的办事人。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="217" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="217" />
        <source>&amp;ID number:</source>
        <translation>身份号码(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="217" />
        <source>&amp;Mobile:</source>
        <translation>手机(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="218" />
        <source>&amp;Authorisation number:</source>
        <translation>授权编号(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="220" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="221" />
        <source>Resident ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="222" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="223" />
        <source>Authorisation number</source>
        <translation>授权编号</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="224" />
        <source>Agents with several authorisations only</source>
        <translation>仅限持有多个授权的办事人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="225" />
        <source>Leave empty unless you are an agent authorised more than once: then enter the number the grantor gave you.</source>
        <translation>除非您是持有多个授权的办事人，否则请留空；如是，请输入授权人提供的编号。</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../ui/people.py" line="77" />
        <source>&amp;Known people:</source>
        <translation>已知人员(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="78" />
        <source>Search by name or ID number digits</source>
        <translation>按姓名或身份证号码中可见的数字搜索</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="79" />
        <source>Search the known people</source>
        <translation>搜索已知人员</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="80" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="80" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="80" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="80" />
        <source>Last authorised</source>
        <translation>最近授权</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="81" />
        <source>People the enterprise already knows</source>
        <translation>企业已登记的人员</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="82" />
        <source>Choose a person to fill the form; nobody needs to be retyped</source>
        <translation>选择人员即可填好表单，无需重新输入</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="83" />
        <source>Ne&amp;w person</source>
        <translation>新增人员(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="84" />
        <source>Enter someone the enterprise does not know yet</source>
        <translation>录入企业尚未登记的人员</translation>
    </message>
    <message>
        <location filename="../../ui/people.py" line="85" />
        <source>Nobody to choose from yet: enter the person below.</source>
        <translation>暂无可选人员：请在下方录入。</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="47" />
        <location filename="../../ui/licences/download_pages.py" line="50" />
        <source>Registration place</source>
        <translation>登记地</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="48" />
        <source>Choose where your enterprise is registered.</source>
        <translation>请选择企业的登记地。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="49" />
        <source>Registration &amp;place:</source>
        <translation>登记地(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/download_pages.py" line="58" />
        <source>Connecting to the service…</source>
        <translation>正在连接服务…</translation>
    </message>
</context>
<context>
    <name>PrecheckPanel</name>
    <message>
        <location filename="../../ui/seals/editor/finish.py" line="97" />
        <source>Pre-check findings</source>
        <translation>预检结果</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finish.py" line="104" />
        <source>Not checked yet: press Check to test the imprint at full resolution before you upload it.</source>
        <translation>尚未检查：上传前请按“检查”，以全分辨率检测印模。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finish.py" line="108" />
        <source>The imprint passed the pre-check.</source>
        <translation>印模已通过预检。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finish.py" line="111" />
        <source>The seal office would likely reject this imprint ({count} problems). Fix them before you upload it.</source>
        <translation>印章管理部门很可能会退回此印模（{count} 个问题）。请在上传前修正。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finish.py" line="117" />
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finish.py" line="120" />
        <source>Likely rejected:</source>
        <translation>可能被退回：</translation>
    </message>
    <message>
        <location filename="../../ui/seals/editor/finish.py" line="120" />
        <source>Warning:</source>
        <translation>提示：</translation>
    </message>
</context>
<context>
    <name>ProjectWatch</name>
    <message>
        <location filename="../../ui/platform_watch.py" line="108" />
        <source>new on the platform: {projects}</source>
        <translation>交易平台新发布了项目：{projects}</translation>
    </message>
    <message>
        <location filename="../../ui/platform_watch.py" line="109" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/platform_watch.py" line="113" />
        <source>{project}: bids now until {deadline}, opening at {opening}</source>
        <translation>{project} 的时间已变更：投标截止 {deadline}，开标 {opening}</translation>
    </message>
    <message>
        <location filename="../../ui/platform_watch.py" line="116" />
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>QrSequenceDialog</name>
    <message>
        <location filename="../../ui/keys/qr_codes.py" line="28" />
        <source>{name} as QR codes</source>
        <translation>{name} 的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/keys/qr_codes.py" line="35" />
        <source>On the other device open Scan, start the camera and hold it up to this screen: it keeps reading until it has every code, then offers the file to its Keys page.</source>
        <translation>在另一台设备上打开扫一扫，开启摄像头并对准本屏幕：它会持续读取，直到读完全部二维码，然后把文件交给其密钥管理页面。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/qr_codes.py" line="40" />
        <source>&amp;Previous</source>
        <translation>上一个(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/qr_codes.py" line="41" />
        <source>&amp;Next</source>
        <translation>下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/qr_codes.py" line="70" />
        <source>Code {i} of {n}</source>
        <translation>第 {i} 个，共 {n} 个</translation>
    </message>
    <message>
        <location filename="../../ui/keys/qr_codes.py" line="75" />
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/keys/qr_codes.py" line="78" />
        <source>P&amp;ause</source>
        <translation>暂停(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <location filename="../../ui/licences/first_run.py" line="222" />
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="223" />
        <source>The licence password is set. Next, download the electronic business licence of your enterprise to this computer.</source>
        <translation>证照密码已设置。接下来，将企业的电子营业执照下载到本机。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="225" />
        <source>&amp;Open the licence download guide now</source>
        <translation>立即打开执照下载向导(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <location filename="../../ui/scan/page.py" line="143" />
        <source>Scan</source>
        <translation>扫一扫</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="147" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="148" />
        <source>Every camera of this PC, virtual ones marked; your choice is remembered</source>
        <translation>本机的所有摄像头，虚拟摄像头已标注；会记住您的选择</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="150" />
        <source>Scan my &amp;screen</source>
        <translation>扫描屏幕(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="151" />
        <source>Find the QR code shown on this PC's screens, e.g. in the browser</source>
        <translation>查找本机屏幕上显示的二维码，例如浏览器中的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="152" />
        <source>&amp;Open image…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="153" />
        <source>Read a QR code from a photo or a screenshot (or drop the file here)</source>
        <translation>从照片或截图中识别二维码（也可以把文件拖到这里）</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="154" />
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="155" />
        <source>Read a QR code from an image or image file on the clipboard (Ctrl+V)</source>
        <translation>识别剪贴板中的图片或图片文件里的二维码（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="156" />
        <source>Scanned</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="157" />
        <source>Text of the QR code</source>
        <translation>二维码内容</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="158" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="159" />
        <source>Scan &amp;again</source>
        <translation>重新扫码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="160" />
        <source>&amp;Handle this task…</source>
        <translation>处理此任务(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="161" />
        <source>See who asks and for what, then confirm or cancel</source>
        <translation>查看谁在请求、请求做什么，然后确认或取消</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="162" />
        <source>Take it on the &amp;Keys page…</source>
        <translation>在密钥管理中接收(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="163" />
        <source>Camera picture or scanned image</source>
        <translation>摄像头画面或扫描的图片</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="167" />
        <source>Point the camera at a QR code, or scan your screen, open an image or paste one. The platform's QR code is often on this PC: click “Scan my screen”.</source>
        <translation>将摄像头对准二维码，或扫描屏幕、打开图片、粘贴图片。平台的二维码通常就显示在本机上：请点击“扫描屏幕”。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="171" />
        <source>S&amp;top camera</source>
        <translation>关闭摄像头(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="171" />
        <source>S&amp;tart camera</source>
        <translation>打开摄像头(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="188" />
        <source>{name} (virtual)</source>
        <translation>{name}（虚拟）</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="209" />
        <source>This PC does not let EBid Desk use the camera. Allow it in the system's privacy settings (Camera), then press Start camera again.</source>
        <translation>本机不允许电子投标助手使用摄像头。请在系统的隐私设置（相机）中允许，然后再次点击“打开摄像头”。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="218" />
        <source>Looking for a QR code… hold it steady, about 20 cm from the camera.</source>
        <translation>正在寻找二维码…请保持稳定，距离摄像头约 20 厘米。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="242" />
        <source>The camera “{name}” could not be used: it may be in use by another program (a video call or another scanner) — close that program and press Start camera again. The system said: {message}</source>
        <translation>无法使用摄像头“{name}”：它可能正被其他程序（视频通话或其他扫码程序）占用——请关闭该程序后再次点击“打开摄像头”。系统提示：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="248" />
        <source>no picture after {s} seconds</source>
        <translation>{s} 秒后仍无画面</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="264" />
        <source>Open an image with a QR code</source>
        <translation>打开含有二维码的图片</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="269" />
        <source>Reading {name}…</source>
        <translation>正在识别 {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="279" />
        <source>The clipboard holds no image. Copy a screenshot or an image file, then paste.</source>
        <translation>剪贴板中没有图片。请先复制截图或图片文件，再粘贴。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="281" />
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="281" />
        <source>Reading the clipboard…</source>
        <translation>正在识别剪贴板…</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="297" />
        <source>This desktop does not let programs capture the screen. Take a screenshot with the system's tool and paste it here (Ctrl+V).</source>
        <translation>此桌面环境不允许程序截取屏幕。请用系统自带的截图工具截图，再粘贴到这里（Ctrl+V）。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="300" />
        <source>Looking for QR codes on the screen…</source>
        <translation>正在屏幕上查找二维码…</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="323" />
        <source>No QR code was found on the screen. Make sure the whole code is visible, then try again.</source>
        <translation>屏幕上没有找到二维码。请确保二维码完整显示，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="325" />
        <source>No QR code was found in this image. Try a sharper picture in which the whole code is visible.</source>
        <translation>这张图片中没有找到二维码。请换一张更清晰、二维码完整可见的图片。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="332" />
        <source>No code chosen.</source>
        <translation>未选择二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="352" />
        <source>This is a task of an e-bidding platform. EBid Desk shows who asks and for what; nothing is signed or sent before you answer.</source>
        <translation>这是电子招投标平台的扫码任务。电子投标助手会显示谁在请求、请求做什么；在您作出回应之前，不会签名或发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="357" />
        <source>This is a web address. EBid Desk never opens links from QR codes by itself: check where it leads before you copy it into a browser.</source>
        <translation>这是一个网址。电子投标助手不会自动打开二维码中的链接：复制到浏览器之前，请先确认它指向哪里。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="360" />
        <source>This code holds binary data, shown as hexadecimal.</source>
        <translation>该二维码包含二进制数据，以十六进制显示。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="366" />
        <source>QR code read.</source>
        <translation>已识别二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="389" />
        <source>Key-backup file: {have} of {total} QR codes read. Show the next one.</source>
        <translation>密钥备份文件：已读取 {have}/{total} 个二维码。请显示下一个。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="392" />
        <source>A code of another file: starting again.</source>
        <translation>这是另一个文件的二维码：重新开始读取。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="408" />
        <source>A key-backup file of {size} bytes, rebuilt from {n} QR codes and saved as {path}.</source>
        <translation>已由 {n} 个二维码还原出 {size} 字节的密钥备份文件，保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="410" />
        <source>Take it on the Keys page: it is checked there as a file is.</source>
        <translation>请在密钥管理页面接收：它会像文件一样经过完整检查。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="414" />
        <source>All {n} QR codes read.</source>
        <translation>已读取全部 {n} 个二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="449" />
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="474" />
        <source>Dropped image</source>
        <translation>拖入的图片</translation>
    </message>
    <message>
        <location filename="../../ui/scan/page.py" line="475" />
        <source>Reading the image…</source>
        <translation>正在识别图片…</translation>
    </message>
</context>
<context>
    <name>SealAuthorisationsDialog</name>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="62" />
        <source>Seal authorisations: {seal}</source>
        <translation>印章授权：{seal}</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="63" />
        <source>Agent</source>
        <translation>办事人</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="63" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="63" />
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="63" />
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="64" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="64" />
        <source>Authorisation number</source>
        <translation>授权编号</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="65" />
        <source>Authorisations of the seal {seal}</source>
        <translation>印章 {seal} 的授权</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="66" />
        <source>&amp;Revoke…</source>
        <translation>撤销(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="67" />
        <source>Authorise an agent to use this seal</source>
        <translation>授权办事人使用此印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="68" />
        <source>A&amp;uthorise</source>
        <translation>授权(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="72" />
        <source>{enterprise} is registered elsewhere: its agents may collect and use its seals without a seal authorisation.</source>
        <translation>{enterprise}为外地企业：其办事人无需印章授权即可领取和使用本企业印章。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="79" />
        <source>Loading the seal authorisations…</source>
        <translation>正在加载印章授权…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="114" />
        <source>Revoke seal authorisation</source>
        <translation>撤销印章授权</translation>
    </message>
    <message>
        <location filename="../../ui/seals/authorisations.py" line="115" />
        <source>Revoke the authorisation of {name} to use the seal {seal}? From now on they can neither collect nor use it; documents sealed earlier stay valid.</source>
        <translation>撤销{name}使用印章{seal}的授权？此后其不能再领取或使用该印章；此前已盖章的文件仍然有效。</translation>
    </message>
</context>
<context>
    <name>SealPicker</name>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="101" />
        <source>The document to seal</source>
        <translation>待签章文件</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="102" />
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="102" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="102" />
        <source>SM3</source>
        <translation>SM3</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="103" />
        <source>Seal of</source>
        <translation>用章企业</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="103" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="104" />
        <source>Asked by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="106" />
        <source>Seal with</source>
        <translation>选择印章</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="107" />
        <source>Seals on this device</source>
        <translation>本机上的印章</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="114" />
        <source>{size} ({bytes} bytes)</source>
        <translation>{size}（{bytes} 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="131" />
        <source>Checking which seals this licence may use…</source>
        <translation>正在核对此执照可用的印章…</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="144" />
        <source>{name} ({id})</source>
        <translation>{name}（{id}）</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="147" />
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="150" />
        <source>There is no seal on this device: collect one on the Seals page first.</source>
        <translation>本机上没有印章：请先在“印章”页领取印章。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/seal_picker.py" line="152" />
        <source>Greyed out, cannot be used by this licence now:</source>
        <translation>以下印章为灰色，此执照现在不能使用：</translation>
    </message>
</context>
<context>
    <name>SealsPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="61" />
        <location filename="../../ui/seals/page.py" line="141" />
        <location filename="../../ui/seals/page.py" line="151" />
        <source>Seals</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="144" />
        <source>&amp;Licence:</source>
        <translation>执照(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="145" />
        <source>&amp;Open the seal office…</source>
        <translation>打开印章业务(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="146" />
        <source>&amp;Upload an imprint…</source>
        <translation>上传印模(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="147" />
        <source>&amp;Collect seal…</source>
        <translation>领取印章(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="148" />
        <source>Seal &amp;authorisations…</source>
        <translation>印章授权(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="149" />
        <source>The enterprise agrees to the terms of the electronic seal service and confirms the imprint is its own seal.</source>
        <translation>本企业同意电子印章服务条款，并确认所上传的印模为本企业的印章。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="151" />
        <location filename="../../ui/seals/page.py" line="160" />
        <source>Imprints</source>
        <translation>印模管理</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="151" />
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="153" />
        <location filename="../../ui/seals/page.py" line="160" />
        <source>Valid uploads</source>
        <translation>有效的印模上传记录</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="154" />
        <location filename="../../ui/seals/page.py" line="161" />
        <source>Superseded uploads</source>
        <translation>已被替代的印模上传记录</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="155" />
        <location filename="../../ui/seals/page.py" line="168" />
        <source>Seal making</source>
        <translation>制章记录</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="156" />
        <location filename="../../ui/seals/page.py" line="169" />
        <source>Seals made for the enterprise</source>
        <translation>为本企业制作的印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="157" />
        <location filename="../../ui/seals/page.py" line="170" />
        <source>Seals collected on this device</source>
        <translation>本设备已领取的印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="158" />
        <location filename="../../ui/seals/page.py" line="164" />
        <source>Seal type</source>
        <translation>印章类型</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="158" />
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="158" />
        <source>Uploaded</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="158" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="159" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="164" />
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="164" />
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="164" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="165" />
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="165" />
        <source>Made by</source>
        <translation>制作人</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="165" />
        <source>Imprint</source>
        <translation>印模</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="167" />
        <source>Collected</source>
        <translation>领取时间</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="174" />
        <source>Waiting for review</source>
        <translation>等待审核</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="174" />
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="175" />
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="175" />
        <source>Superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="182" />
        <source>{enterprise} — {holder}</source>
        <translation>{enterprise} — {holder}</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="191" />
        <source>open the seal office</source>
        <translation>打开印章业务</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="194" />
        <source>Contacting the service…</source>
        <translation>正在连接服务…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="238" />
        <source>The imprint ({kind}) was approved: its seal can be collected</source>
        <translation>印模（{kind}）已通过审核：可以领章了</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="240" />
        <source>The imprint ({kind}) was rejected: {reason}</source>
        <translation>印模（{kind}）被驳回：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="247" />
        <source>{w} × {h} mm</source>
        <translation>{w} × {h} 毫米</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="254" />
        <source>Choose a licence and open the seal office to see the enterprise's imprints and seals.</source>
        <translation>请选择一个执照并打开印章业务，查看本企业的印模和印章。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="256" />
        <source>There is no licence on this device yet: download one on the Licences page first.</source>
        <translation>本设备上还没有执照：请先在“执照”页面下载。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="259" />
        <source>Seal office of {enterprise}.</source>
        <translation>{enterprise} 的印章业务。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="263" />
        <source>No imprint has been uploaded yet. Agree to the terms below, then upload a photo of the seal.</source>
        <translation>尚未上传印模。请先同意下方条款，再上传印章照片。</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="291" />
        <source>Choose which agents may collect and use the selected seal, and when</source>
        <translation>设置哪些办事人可以在何时领取和使用所选印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="292" />
        <source>Only the legal representative or a licence manager can authorise agents to use a seal</source>
        <translation>只有法定代表人或证照管理员可以授权办事人使用印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="307" />
        <source>Uploading the imprint…</source>
        <translation>正在上传印模…</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="318" />
        <source>Collect seal</source>
        <translation>领取印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="319" />
        <source>Collect the seal "{seal}" ({seal_type}) of {enterprise}, unified social credit code {code}, onto this device?</source>
        <translation>将{enterprise}（统一社会信用代码 {code}）的印章“{seal}”（{seal_type}）领取到本设备？</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="323" />
        <source>collect the seal</source>
        <translation>领取印章</translation>
    </message>
    <message>
        <location filename="../../ui/seals/page.py" line="326" />
        <source>Collecting the seal…</source>
        <translation>正在领取印章…</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <location filename="../../ui/licences/first_run.py" line="91" />
        <source>Where are your licences kept?</source>
        <translation>执照保存在哪里？</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="92" />
        <source>Most users keep everything on this computer. Choose a server only if your organisation runs one and gave you its address.</source>
        <translation>大多数用户将一切保存在本机。仅当您的单位运行服务器并提供了地址时，才选择服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="94" />
        <source>Use on &amp;this computer (recommended)</source>
        <translation>在本机使用(&amp;T)（推荐）</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="95" />
        <source>Connect to a &amp;server</source>
        <translation>连接服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="96" />
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="97" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="98" />
        <source>&amp;Check the server</source>
        <translation>检查服务器(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="99" />
        <source>This fingerprint is the one my administrator gave me</source>
        <translation>此指纹与管理员提供给我的一致</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="125" />
        <source>Root certificate fingerprint (SHA-256):
{fp}</source>
        <translation>根证书指纹（SHA-256）：
{fp}</translation>
    </message>
    <message>
        <location filename="../../ui/licences/first_run.py" line="128" />
        <source>Contacting the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <location filename="../../ui/settings_page.py" line="70" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="73" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="74" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75" />
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="76" />
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77" />
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="78" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="81" />
        <source>&amp;Keep unlocked</source>
        <translation>保持解锁(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="82" />
        <source>Keep the wallet unlocked</source>
        <translation>钱包保持解锁的时长</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="83" />
        <source>After the licence password is given, how long it is not asked again (counted from the last use; the status bar locks it at once)</source>
        <translation>输入证照密码后多长时间内不再询问（从最后一次使用起计算；可在状态栏立即锁定）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="87" />
        <source>Ask every time</source>
        <translation>每次都询问</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="88" />
        <source>{n} minutes</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="89" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="91" />
        <source>Open the folder that holds the keystore and the logs</source>
        <translation>打开存放密钥库和日志的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="92" />
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/application.py" line="101" />
        <source>Other users of this computer can open the data folder {path} (mode {mode}): make it private to you</source>
        <translation>本机其他用户可以打开数据文件夹 {path}（权限 {mode}）：请设为仅自己可访问</translation>
    </message>
</context>
<context>
    <name>SubmissionsPanel</name>
    <message>
        <location filename="../../ui/bids/submissions.py" line="51" />
        <location filename="../../ui/bids/submissions.py" line="55" />
        <source>Submitted bids</source>
        <translation>已递交的标书</translation>
    </message>
    <message>
        <location filename="../../ui/bids/submissions.py" line="53" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/bids/submissions.py" line="53" />
        <source>Project / section</source>
        <translation>项目 / 标段</translation>
    </message>
    <message>
        <location filename="../../ui/bids/submissions.py" line="53" />
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../ui/bids/submissions.py" line="53" />
        <source>Receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <location filename="../../ui/bids/submissions.py" line="56" />
        <source>Refresh from the platform</source>
        <translation>从交易平台刷新</translation>
    </message>
    <message>
        <location filename="../../ui/bids/submissions.py" line="57" />
        <source>Fetch and decrypt…</source>
        <translation>取回并解密…</translation>
    </message>
    <message>
        <location filename="../../ui/bids/submissions.py" line="60" />
        <source>After the opening: download the submitted file and decrypt it with this device's key</source>
        <translation>开标后：下载已递交的文件，并用本设备的密钥解密</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="168" />
        <source>Platform task</source>
        <translation>平台任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="169" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="169" />
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="169" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="169" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="170" />
        <source>Session</source>
        <translation>会话时长</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="170" />
        <source>Requested by</source>
        <translation>请求来源</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="170" />
        <source>Browser</source>
        <translation>浏览器</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="170" />
        <source>Requested at</source>
        <translation>请求时间</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="171" />
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="174" />
        <source>Who asks, and for what</source>
        <translation>谁在请求，请求做什么</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="175" />
        <source>Answer with the licence</source>
        <translation>使用以下执照回应</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="176" />
        <source>Licences on this device</source>
        <translation>本机上的执照</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="177" />
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="178" />
        <source>Ca&amp;ncel the task</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="179" />
        <source>Tell the platform you decline; no password is needed</source>
        <translation>告诉平台您拒绝此任务；无需输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="180" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="184" />
        <source>Fetching and checking the task…</source>
        <translation>正在获取并核验任务…</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="188" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="188" />
        <source>Sign</source>
        <translation>签章</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="188" />
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="189" />
        <source>Decrypt</source>
        <translation>解密</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="205" />
        <source>{platform} asks: {task}</source>
        <translation>{platform} 请求：{task}</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="212" />
        <source>{minutes} minutes once you confirm</source>
        <translation>确认后 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="228" />
        <source>This version of EBid Desk cannot answer {task} tasks yet; you can cancel it.</source>
        <translation>此版本的电子投标助手尚不能处理“{task}”任务；您可以取消它。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="241" />
        <source>This task was refused: nothing was sent</source>
        <translation>此任务已被拒绝：未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="259" />
        <source>{enterprise} — {holder} ({role})</source>
        <translation>{enterprise} — {holder}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="263" />
        <source>{holder} ({role}): {reason}</source>
        <translation>{holder}（{role}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="267" />
        <source>There is no licence on this device: download one on the Licences page first.</source>
        <translation>本机上还没有执照：请先在“执照”页面下载。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="269" />
        <source>Greyed out, cannot be used for this task now:</source>
        <translation>以下执照显示为灰色，目前不能用于此任务：</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="308" />
        <source>Answered</source>
        <translation>已回应</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="311" />
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="313" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="316" />
        <source>The task has expired. Make a new QR code on the platform's page and scan it again.</source>
        <translation>任务已过期。请在平台页面上生成新的二维码，然后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="360" />
        <source>confirm the platform's task</source>
        <translation>确认平台的任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="363" />
        <source>Encrypting and uploading the bid files…</source>
        <translation>正在加密并上传投标文件…</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="364" />
        <source>Confirming the task…</source>
        <translation>正在确认任务…</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="376" />
        <source>Telling the platform…</source>
        <translation>正在通知平台…</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="385" />
        <source>Signed: {document} was sealed with {seal}; {platform} verified the signature.</source>
        <translation>签章成功：已用{seal}对 {document} 签章，{platform}已验证签章。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="389" />
        <source>Decrypted: {platform} opened the bid; its plaintext SM3 is {sm3}.</source>
        <translation>解密成功：{platform} 已解密该投标文件，明文 SM3 为 {sm3}。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="392" />
        <source>Encrypted and uploaded: {count} bid files, receipts {ids}.</source>
        <translation>加密成功：已加密并上传 {count} 个投标文件，回执 {ids}。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="396" />
        <source>Not decrypted: the platform was told this device holds no key for the bid.</source>
        <translation>未解密：已告知平台本设备没有该投标文件的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="399" />
        <source>Logged in: {enterprise} ({person}) is now logged in to {platform}.</source>
        <translation>登录成功：{enterprise}（{person}）已登录 {platform}。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="402" />
        <source>Cancelled: the platform was told you declined.</source>
        <translation>已取消：已通知平台您拒绝了此任务。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="404" />
        <source>The platform reports the task {state}.</source>
        <translation>平台报告任务状态：{state}。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/dialog.py" line="421" />
        <location filename="../../ui/tasks/dialog.py" line="429" />
        <source>Refused: {reason}</source>
        <translation>已拒绝：{reason}</translation>
    </message>
</context>
<context>
    <name>TaskHistory</name>
    <message>
        <location filename="../../ui/tasks/history.py" line="30" />
        <source>Tasks answered on this device</source>
        <translation>本设备已处理的任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="31" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="31" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="31" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="31" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="54" />
        <source>Log in</source>
        <translation>扫码登录</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="54" />
        <source>Sign</source>
        <translation>签章</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="54" />
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="55" />
        <source>Decrypt</source>
        <translation>解密</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="58" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="58" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/history.py" line="59" />
        <source>Refused by the platform</source>
        <translation>平台拒绝</translation>
    </message>
</context>
<context>
    <name>UnlockedOp</name>
    <message>
        <location filename="../../ui/unlocked.py" line="86" />
        <source>Enter the licence password to {purpose}:</source>
        <translation>请输入证照密码，以便{purpose}：</translation>
    </message>
    <message>
        <location filename="../../ui/unlocked.py" line="88" />
        <source>Licence password</source>
        <translation>证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/unlocked.py" line="95" />
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
    <message>
        <location filename="../../ui/unlocked.py" line="96" />
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>WindowEditor</name>
    <message>
        <location filename="../../ui/window_editor.py" line="54" />
        <source>&amp;Starts:</source>
        <extracomment>The core's template (app/core/licence/grants.py), translated in the "errors" context.</extracomment>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/window_editor.py" line="55" />
        <source>&amp;Ends:</source>
        <translation>结束(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/window_editor.py" line="56" />
        <source>Start of the authorisation</source>
        <translation>授权开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/window_editor.py" line="57" />
        <source>End of the authorisation</source>
        <translation>授权结束时间</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <location filename="../../ui/errors.py" line="59" />
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="71" />
        <source>Something went wrong that EBid Desk did not expect. The details below are also in the log file.</source>
        <translation>电子投标助手遇到了意外错误。以下详细信息也已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="70" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/seams.py" line="147" />
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/i18n_generated.py" line="9" />
        <source>A bid file's name must be a plain file name: no folder, no control, bidi or reserved character, not hidden, at most 240 bytes</source>
        <translation>投标文件名必须是普通文件名：不含文件夹、控制字符、双向文字控制符或保留字符，不以点开头，最长 240 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="10" />
        <source>A certificate authority's certificate is not a licence</source>
        <translation>证书颁发机构的证书不是执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="11" />
        <source>A container needs 1 to {n} recipients</source>
        <translation>一个加密文件需要 1 到 {n} 个接收者</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="12" />
        <source>A credit code body is 17 characters from the code alphabet: {code}</source>
        <translation>信用代码本体应为代码字符集中的 17 个字符：{code}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="13" />
        <source>A file is larger than the platform takes ({limit} bytes)</source>
        <translation>有文件超过平台允许的大小（{limit} 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="15" />
        <source>A frame must be an 8-bit image array</source>
        <translation>画面必须是 8 位图像数组</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="16" />
        <source>A frame must be grey, BGR or BGRA, not of shape {shape}</source>
        <translation>画面必须是灰度、BGR 或 BGRA 图像，而不是形状 {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="17" />
        <source>A key cannot be backed up to itself: choose another holder's key</source>
        <translation>密钥不能备份给它自己：请选择另一位持有人的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="18" />
        <source>A licence must end after it starts</source>
        <translation>执照的截止时间必须晚于开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="19" />
        <source>A project needs a code (at most 64 characters) and a name</source>
        <translation>项目须有编号（最多 64 个字符）和名称</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="20" />
        <source>A project needs at least one section code (at most 64 characters)</source>
        <translation>项目至少须有一个标段编号（最多 64 个字符）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="21" />
        <source>A rejection needs a reason (1 to {n} characters)</source>
        <translation>驳回须填写理由（1 至 {n} 个字符）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="22" />
        <source>A resident ID number is 17 digits and a check character: {number}</source>
        <translation>公民身份号码由 17 位数字和 1 位校验码组成：{number}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="23" />
        <source>A reviewer needs a name (1 to 100 characters)</source>
        <translation>审核人须有姓名（1 至 100 个字符）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="24" />
        <source>A root fingerprint is 64 hexadecimal digits (SHA-256): {fp}</source>
        <translation>根证书指纹应为 64 位十六进制数字（SHA-256）：{fp}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="25" />
        <source>A seal id is 1 to 64 printable ASCII characters: {id}</source>
        <translation>印章编号须为 1 至 64 个可打印 ASCII 字符：{id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="26" />
        <source>A seal is 1 to {max} mm wide and high, not {size}</source>
        <translation>印章的宽和高须在 1 至 {max} 毫米之间，而不是 {size}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="27" />
        <source>A seal must name at least one holder certificate</source>
        <translation>印章至少须列出一张持有人证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="28" />
        <source>A seal needs a name</source>
        <translation>印章须有名称</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="29" />
        <source>A seal's validity must end after it starts</source>
        <translation>印章有效期的截止时间必须晚于开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="30" />
        <source>A seal's validity needs time zones and must end after it starts</source>
        <translation>印章有效期须带时区，且截止时间必须晚于开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="31" />
        <source>A section code is listed twice</source>
        <translation>标段编号重复</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="33" />
        <source>A specific authorisation names at least one matter</source>
        <translation>精准授权至少须指定一个事项</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="35" />
        <source>A task's answer is confirm or cancel, its outcome confirmed, cancelled or refused</source>
        <translation>任务的回应只能是确认或取消，结果只能是已确认、已取消或被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="38" />
        <source>A time without a time zone was given: {moment}</source>
        <translation>给出的时间没有时区：{moment}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="39" />
        <source>A unified social credit code has 18 characters, not {n}: {code}</source>
        <translation>统一社会信用代码应为 18 位，而不是 {n} 位：{code}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="40" />
        <source>A value in the request cannot be stored</source>
        <translation>请求中的某个值无法保存</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="41" />
        <source>A {seal_type} is not made in the shape {shape}</source>
        <translation>{seal_type}没有{shape}这种形状</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="42" />
        <source>A {shape} {type} is made {offered} mm, not {w}×{h} mm</source>
        <translation>{shape}{type}的尺寸为 {offered} 毫米，不是 {w}×{h} 毫米</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="44" />
        <source>An ID number body is 17 digits: {number}</source>
        <translation>身份号码本体应为 17 位数字：{number}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="46" />
        <source>An SM2 private key is 32 bytes, got {got}</source>
        <translation>SM2 私钥应为 32 字节，实际为 {got} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="47" />
        <source>An SM2 signature is made over a 32-byte SM3 digest</source>
        <translation>SM2 签名须针对 32 字节的 SM3 摘要</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="48" />
        <source>An all-business authorisation lists no matters</source>
        <translation>全业务授权不应列出具体事项</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="52" />
        <source>An enterprise has at most {n} licence managers: remove one before adding another</source>
        <translation>每个企业最多 {n} 名证照管理员：请先移除一名再添加</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="53" />
        <source>An imprint is at most {n} bytes</source>
        <translation>印模文件最大为 {n} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="54" />
        <source>An imprint is {lo} to {hi} pixels a side, not {w}×{h}</source>
        <translation>印模每边应为 {lo} 至 {hi} 像素，不是 {w}×{h}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="55" />
        <source>Apply for a key on this device first (`ebid key apply`): the recovered key is sealed to it</source>
        <translation>请先在本设备申请密钥（`ebid key apply`）：恢复的密钥将加密封装给它</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="56" />
        <source>Argon2id parameters below the floor (64 MiB, t=3, p=4) are not allowed</source>
        <translation>不允许使用低于下限（64 MiB，t=3，p=4）的 Argon2id 参数</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="57" />
        <source>Audit details must be plain JSON values: {detail}</source>
        <translation>审计详情必须是普通 JSON 值：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="58" />
        <source>Audit details must not contain secrets (key {key})</source>
        <translation>审计详情不得包含机密（字段 {key}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="59" />
        <source>Audit times must carry a time zone (use UTC)</source>
        <translation>审计时间必须带时区（请使用 UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="60" />
        <source>Bid files may be at most {n} bytes</source>
        <translation>投标文件最大为 {n} 字节，超过交易平台允许的大小</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="61" />
        <source>Bids of {code} can be fetched from the opening at {at}</source>
        <translation>项目 {code} 的投标文件须在开标时间 {at} 之后才能取回</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="62" />
        <source>CSV line {line}: {detail}</source>
        <translation>CSV 第 {line} 行：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="63" />
        <source>Cannot create the data folder {path}: {reason}</source>
        <translation>无法创建数据文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="64" />
        <source>Cannot reach the service at {url}: {reason}</source>
        <translation>无法连接服务 {url}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="65" />
        <source>Cannot read the matter catalogue {path}: {detail}</source>
        <translation>无法读取事项目录 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="66" />
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="67" />
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="68" />
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="69" />
        <source>Characters 3 to 8 of the credit code {code} must be a region code</source>
        <translation>信用代码 {code} 的第 3 至 8 位必须是行政区划代码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="70" />
        <source>Choose the bid files to encrypt and upload first</source>
        <translation>请先选择要加密上传的投标文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="71" />
        <source>Chunk {index} failed authentication (tampered, reordered, truncated or wrong key)</source>
        <translation>第 {index} 个数据块未通过认证（被篡改、顺序错乱、被截断或密钥不对）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="72" />
        <source>Chunk {index} is shorter than its tag</source>
        <translation>第 {index} 个数据块比其认证标签还短</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="73" />
        <source>Ciphertext is shorter than its authentication tag</source>
        <translation>密文比其认证标签还短</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="74" />
        <source>Data failed authentication (tampered or wrong key)</source>
        <translation>数据未通过认证（被篡改或密钥不对）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="75" />
        <source>EBid Desk signs with GB/T 38540 version 4 seals only</source>
        <translation>EBid Desk 只使用 GB/T 38540 第 4 版印章签章</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="76" />
        <source>Enterprise {code} is already registered</source>
        <translation>企业 {code} 已登记</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="77" />
        <source>Error correction must be L, M, Q or H, not {level}</source>
        <translation>纠错等级必须是 L、M、Q 或 H，不能是 {level}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="78" />
        <source>Expected an SM2 public key or certificate, found a {label}</source>
        <translation>需要 SM2 公钥或证书，实际是 {label}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="79" />
        <source>Expected {expected}, found {found}</source>
        <translation>需要 {expected}，实际是 {found}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="80" />
        <source>GCM nonce must be 12 bytes, got {got}</source>
        <translation>GCM 随机数应为 12 字节，实际为 {got} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="81" />
        <source>Give either the document data or its SM3 hash</source>
        <translation>请提供文档数据或其 SM3 摘要，二者选一</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="83" />
        <source>Imprint {id} is {state}, not pending</source>
        <translation>印模 {id} 的状态为 {state}，不是待审核</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="84" />
        <source>Licence validity times must carry a time zone (use UTC)</source>
        <translation>执照有效期时间必须带时区（请使用 UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="85" />
        <source>Malformed SM2 ciphertext: C1 is not a point on the SM2 curve</source>
        <translation>SM2 密文格式错误：C1 不是 SM2 曲线上的点</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="86" />
        <source>Malformed SM2 ciphertext: C3 must be 32 bytes</source>
        <translation>SM2 密文格式错误：C3 必须为 32 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="87" />
        <source>Malformed SM2 ciphertext: empty C2</source>
        <translation>SM2 密文格式错误：C2 为空</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="88" />
        <source>Malformed SM2 ciphertext: no valid C1 point at the start</source>
        <translation>SM2 密文格式错误：开头没有有效的 C1 点</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="89" />
        <source>Malformed {what}: not canonical DER</source>
        <translation>{what} 格式错误：不是规范的 DER 编码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="90" />
        <source>Malformed {what}: {detail}</source>
        <translation>{what} 格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="91" />
        <source>Most of the image is opaque ({percent}%): the background has not been made transparent.</source>
        <translation>图像大部分不透明（{percent}%）：背景尚未处理为透明。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="93" />
        <source>No authorisation {id}</source>
        <translation>没有授权 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="95" />
        <source>No enterprise with credit code {code} is registered</source>
        <translation>未登记统一社会信用代码为 {code} 的企业</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="96" />
        <source>No free file name for {name} in {folder}</source>
        <translation>在 {folder} 中找不到 {name} 的可用文件名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="98" />
        <source>No imprint {id}</source>
        <translation>没有印模 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="99" />
        <source>No key {ref} on this device (see `ebid key list`)</source>
        <translation>本设备上没有密钥 {ref}（见 `ebid key list`）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="100" />
        <source>No licence password is set on this device yet: set one first</source>
        <translation>本机尚未设置证照密码：请先设置</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="101" />
        <source>No licence with id {id} in the keystore</source>
        <translation>密钥库中没有编号为 {id} 的执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="102" />
        <source>No licence with serial {serial:x}</source>
        <translation>没有序列号为 {serial:x} 的执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="103" />
        <source>No licence with serial {serial} was issued here</source>
        <translation>本服务未签发序列号为 {serial} 的执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="104" />
        <source>No message {id} for you</source>
        <translation>没有发给您的消息 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="105" />
        <source>No pending recovery grant {id}</source>
        <translation>没有待生效的恢复授予 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="106" />
        <source>No project {code}</source>
        <translation>交易平台上没有项目 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="107" />
        <source>No recovery request {id} on this device</source>
        <translation>本设备上没有恢复申请 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="108" />
        <source>No registered key {id}</source>
        <translation>没有已登记的密钥 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="109" />
        <source>No seal authorisation {id}</source>
        <translation>没有用章授权 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="110" />
        <source>No seal imprint was found in the image</source>
        <translation>图像中未找到印章印迹</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="111" />
        <source>No seal {id}</source>
        <translation>没有印章 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="112" />
        <source>No seal {id} in the keystore</source>
        <translation>密钥库中没有印章 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="113" />
        <source>No seal {id} in the keystore: collect it first</source>
        <translation>密钥库中没有印章 {id}：请先领章</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="114" />
        <source>No submission {id} of your enterprise</source>
        <translation>交易平台上没有贵企业的递交记录 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="115" />
        <source>No such image file: {name}</source>
        <translation>没有这个图片文件：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="118" />
        <source>No {what} with id {id} in the keystore</source>
        <translation>密钥库中没有编号为 {id} 的{what}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="119" />
        <source>Not a database URL: {url}</source>
        <translation>不是数据库地址：{url}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="121" />
        <source>Not a timestamp of the form 2026-03-02T01:00:00Z: {t}</source>
        <translation>不是 2026-03-02T01:00:00Z 形式的时间戳：{t}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="122" />
        <source>Not a valid key-backup message: {detail}</source>
        <translation>不是有效的密钥备份消息：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="124" />
        <source>Not a version-1 seal catalogue</source>
        <translation>不是第 1 版印章目录</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="127" />
        <source>Only SQLite and PostgreSQL are supported, not {url}</source>
        <translation>仅支持 SQLite 和 PostgreSQL，不支持 {url}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="128" />
        <source>Only a cancel may be sent without a licence signature</source>
        <translation>只有取消可以不带执照签名发送</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="129" />
        <source>Only the legal representative may do this</source>
        <translation>只有法定代表人可以执行此操作</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="130" />
        <source>Only the legal representative or a licence manager may do this</source>
        <translation>只有法定代表人或证照管理员可以执行此操作</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="135" />
        <source>Project {code} already exists</source>
        <translation>项目 {code} 已存在</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="136" />
        <source>Project {code} has no section {section}</source>
        <translation>项目 {code} 没有标段 {section}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="138" />
        <source>SM4 key and block must both be 16 bytes</source>
        <translation>SM4 密钥和分组都必须为 16 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="142" />
        <source>Submission {id} was not uploaded for this task by this licence as described</source>
        <translation>递交 {id} 不是由该执照为本任务上传的，或与所述不符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="143" />
        <source>That person is not a licence manager of {code}</source>
        <translation>此人不是 {code} 的证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="145" />
        <source>The CSV lacks the columns: {cols}</source>
        <translation>CSV 缺少以下列：{cols}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="146" />
        <source>The ID number is registered under another name</source>
        <translation>该身份号码登记的是另一个姓名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="155" />
        <source>The PEM file holds no certificate</source>
        <translation>该 PEM 文件中没有证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="156" />
        <source>The PEM file is malformed: {detail}</source>
        <translation>PEM 文件格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="163" />
        <source>The QR code could not be encoded as PNG</source>
        <translation>无法将二维码保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="165" />
        <source>The SM2 ciphertext failed its check (wrong key or tampered data)</source>
        <translation>SM2 密文校验失败（密钥不对或数据被篡改）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="166" />
        <source>The SM2 ciphertext is not valid</source>
        <translation>SM2 密文无效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="167" />
        <source>The SM2 user ID is too long</source>
        <translation>SM2 用户标识过长</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="170" />
        <source>The authorisation ended at {end}</source>
        <translation>该授权已于 {end} 结束</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="171" />
        <source>The authorisation must end after it starts</source>
        <translation>授权结束时间必须晚于开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="172" />
        <source>The authorisation must end after it starts and after now</source>
        <translation>授权结束时间必须晚于开始时间和当前时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="173" />
        <source>The authorisation starts at {start}; it cannot be used before then</source>
        <translation>该授权自 {start} 起生效，此前不能使用</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="174" />
        <source>The authorisation would already have ended</source>
        <translation>该授权的结束时间已过</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="175" />
        <source>The authority returned a certificate for another key</source>
        <translation>登记机关返回的证书对应的是另一把密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="177" />
        <source>The backup of the key {key} is not verified yet: {holders} must verify it (备份验证) on their device before a bid is encrypted to it (their acknowledgement arrives in the inbox: Keys page, or `ebid key inbox`)</source>
        <translation>密钥 {key} 的备份尚未验证：{holders} 须先在其设备上完成备份验证，才能用此密钥加密投标文件（验证回执会出现在“密钥管理”页或 `ebid key inbox` 中）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="178" />
        <source>The backup of the key {key} no longer counts: its holder's licence is no longer valid ({holders}). Back the key up to another holder (Keys page, or `ebid key backup`) before you encrypt a bid to it</source>
        <translation>密钥 {key} 的备份已不再有效：备份持有人的执照已失效（{holders}）。请先把密钥备份给其他持有人（“密钥管理”页或 `ebid key backup`），再用它加密投标文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="179" />
        <source>The bid deadline of {code} was {deadline}; bids are no longer accepted</source>
        <translation>项目 {code} 的投标截止时间为 {deadline}，交易平台不再接收投标文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="180" />
        <source>The bid file's signature does not verify with the licence's key</source>
        <translation>投标文件的签名无法用该执照的密钥验证</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="181" />
        <source>The bid signature is not base64url</source>
        <translation>投标签名不是 base64url 编码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="182" />
        <source>The bid's header was made for {p}/{s}, but the task names {project}/{section}</source>
        <translation>投标文件的文件头属于 {p}/{s}，但任务写的是 {project}/{section}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="183" />
        <source>The birth date in the ID number {number} is not possible</source>
        <translation>身份号码 {number} 中的出生日期不存在</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="184" />
        <source>The body does not match the signed digest</source>
        <translation>请求内容与签名的摘要不符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="187" />
        <source>The certificate given for the seal office may not make seals</source>
        <translation>所给的印章制作机构证书无权制作印章</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="189" />
        <source>The certificate is malformed: {detail}</source>
        <translation>证书格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="190" />
        <source>The certificate is not a licence: it has no {what} extension</source>
        <translation>该证书不是执照：缺少 {what} 扩展</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="195" />
        <source>The certificate on record does not carry its serial</source>
        <translation>登记的证书与其序列号不符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="196" />
        <source>The certificate sent is not the licence with that serial</source>
        <translation>发送的证书不是该序列号的执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="197" />
        <source>The certificate was issued by another authority: {issuer}</source>
        <translation>该证书由其他机构签发：{issuer}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="198" />
        <source>The certificate was revoked at {when}</source>
        <translation>该证书已于 {when} 被吊销</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="199" />
        <source>The certificate was signed by another key of the authority</source>
        <translation>该证书由登记机关的另一把密钥签署</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="200" />
        <source>The certificate's key is for signing only, not for encryption</source>
        <translation>该证书的密钥仅用于签名，不能用于加密</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="201" />
        <source>The certificate's key is not an SM2 key: {detail}</source>
        <translation>该证书的密钥不是 SM2 密钥：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="203" />
        <source>The check character of the credit code {code} is wrong</source>
        <translation>信用代码 {code} 的校验码错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="204" />
        <source>The check digit of the ID number {number} is wrong</source>
        <translation>身份号码 {number} 的校验码错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="205" />
        <source>The chunk size must be between {low} and {high} bytes</source>
        <translation>数据块大小必须在 {low} 到 {high} 字节之间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="206" />
        <source>The container is truncated inside its header</source>
        <translation>加密文件在文件头内被截断</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="210" />
        <source>The container was made for {p}/{s}, not {project}/{section}</source>
        <translation>该文件是为项目/标段 {p}/{s} 加密的，不是 {project}/{section}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="211" />
        <source>The content digest must be 64 lower-case hex digits</source>
        <translation>内容摘要必须是 64 位小写十六进制数字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="213" />
        <source>The credit code {code} contains {char}, which is not allowed</source>
        <translation>信用代码 {code} 含有不允许的字符 {char}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="214" />
        <source>The crop rectangle is empty ({w}×{h} pixels)</source>
        <translation>裁剪框为空（{w}×{h} 像素）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="215" />
        <source>The crop rectangle lies entirely outside the image</source>
        <translation>裁剪框完全在图像之外</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="216" />
        <source>The data hash must be an SM3 digest (32 bytes)</source>
        <translation>数据摘要必须是 SM3 摘要（32 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="218" />
        <source>The document is not the one that was sealed</source>
        <translation>该文档不是签章时的文档</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="219" />
        <source>The embedded service did not start</source>
        <translation>内置服务未能启动</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="220" />
        <source>The encrypted metadata failed authentication</source>
        <translation>加密元数据未通过认证</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="221" />
        <source>The encrypted metadata has a file name that is not UTF-8</source>
        <translation>加密元数据中的文件名不是 UTF-8 编码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="222" />
        <source>The encrypted metadata has the wrong layout</source>
        <translation>加密元数据的结构不正确</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="223" />
        <source>The encrypted private key is malformed</source>
        <translation>加密私钥格式错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="225" />
        <source>The encrypted private key is malformed: {detail}</source>
        <translation>加密私钥格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="226" />
        <source>The encrypted {column} of {table} row {row} does not authenticate: it was damaged, or copied from another row</source>
        <translation>{table} 表第 {row} 行的加密 {column} 未通过认证：它已损坏，或是从其他行复制而来</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="227" />
        <source>The encrypted {column} of {table} row {row} has an unknown format</source>
        <translation>{table} 表第 {row} 行的加密 {column} 格式未知</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="228" />
        <source>The enterprise has no usable licence of its legal representative or a manager to list in the seal</source>
        <translation>该企业没有可写入印章的法定代表人或证照管理员的有效执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="229" />
        <source>The enterprise is not registered at {place}</source>
        <translation>该企业未在{place}登记</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="230" />
        <source>The enterprise must agree to the seal office's terms before uploading an imprint</source>
        <translation>上传印模前，企业须同意制章机构的条款</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="231" />
        <source>The file has unexpected bytes after its last chunk</source>
        <translation>文件在最后一个数据块之后有多余的字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="232" />
        <source>The file has {extra} unexpected bytes after its last chunk</source>
        <translation>文件在最后一个数据块之后有 {extra} 个多余字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="233" />
        <source>The file is empty, not a BIDX bid container</source>
        <translation>文件是空的，不是 BIDX 加密标书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="235" />
        <source>The file is truncated: it ends inside chunk {index} of {count}</source>
        <translation>文件被截断：结束于第 {index} 个数据块（共 {count} 个）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="236" />
        <source>The file is truncated: it ends inside chunk {index} of {count} ({missing} bytes missing)</source>
        <translation>文件被截断：结束于第 {index} 个数据块（共 {count} 个，缺少 {missing} 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="237" />
        <source>The file name is longer than {n} bytes</source>
        <translation>文件名超过 {n} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="238" />
        <source>The frame is empty</source>
        <translation>画面为空</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="239" />
        <source>The grant does not come from the backup holder asked</source>
        <translation>该恢复授予并非来自所申请的备份持有人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="240" />
        <source>The header failed authentication: it was altered after encryption</source>
        <translation>文件头未通过认证：加密后被改动过</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="241" />
        <source>The header has an impossible chunk size ({size})</source>
        <translation>文件头中的数据块大小不可能（{size}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="242" />
        <source>The header is damaged: it lists no recipients</source>
        <translation>文件头已损坏：没有列出任何接收者</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="243" />
        <source>The header is damaged: recipient {n}'s wrapped key is too long</source>
        <translation>文件头已损坏：第 {n} 个接收者的封装密钥过长</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="244" />
        <source>The header is damaged: the encrypted metadata is too short</source>
        <translation>文件头已损坏：加密的元数据过短</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="245" />
        <source>The header is damaged: the {what} is not UTF-8</source>
        <translation>文件头已损坏：{what} 不是 UTF-8</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="246" />
        <source>The header is damaged: the {what} is too long</source>
        <translation>文件头已损坏：{what} 过长</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="247" />
        <source>The header is damaged: {n} stray bytes before the payload</source>
        <translation>文件头已损坏：数据前有 {n} 个多余字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="248" />
        <source>The header is damaged: {what} runs past its end</source>
        <translation>文件头已损坏：{what} 超出了文件头末尾</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="249" />
        <source>The header length field is impossible ({length} bytes)</source>
        <translation>文件头长度字段不可能（{length} 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="250" />
        <source>The header names an unknown cipher suite ({ident})</source>
        <translation>文件头指定了未知的密码套件（{ident}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="252" />
        <source>The holder certificates belong to several enterprises</source>
        <translation>持有人证书属于多个企业</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="253" />
        <source>The image contains no visible ink.</source>
        <translation>图像中没有可见的印迹。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="254" />
        <source>The image could not be encoded as PNG</source>
        <translation>无法将图像编码为 PNG</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="255" />
        <source>The image could not be read: not a supported image format</source>
        <translation>无法读取图像：不支持的图像格式</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="256" />
        <source>The image could not be read: {reason}</source>
        <translation>无法读取图像：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="257" />
        <source>The image does not say its real size; choose the seal's size in millimetres so its resolution can be checked.</source>
        <translation>图像未注明实际尺寸；请选择印章的毫米尺寸，以便检查分辨率。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="258" />
        <source>The image file is empty</source>
        <translation>图像文件为空</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="259" />
        <source>The image has no transparency: the background must be transparent.</source>
        <translation>图像没有透明通道：背景必须是透明的。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="260" />
        <source>The image's proportions ({w}×{h} px) do not match the chosen size {mw}×{mh} mm; the seal would look stretched.</source>
        <translation>图像比例（{w}×{h} 像素）与所选尺寸 {mw}×{mh} 毫米不符；印章会被拉伸变形。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="261" />
        <source>The imprint PNG cannot be decoded</source>
        <translation>无法解析印模 PNG 文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="262" />
        <source>The imprint has no transparency (alpha) channel</source>
        <translation>印模没有透明（alpha）通道</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="263" />
        <source>The imprint is empty: no ink left after extraction</source>
        <translation>印模为空：提取后没有剩下印迹</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="264" />
        <source>The imprint must be a PNG file</source>
        <translation>印模须为 PNG 文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="265" />
        <source>The imprint must be a colour image</source>
        <translation>印模必须是彩色图像</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="266" />
        <source>The imprint must have a transparent background (PNG with alpha)</source>
        <translation>印模须为透明背景（带透明通道的 PNG）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="267" />
        <source>The ink colour is uneven (average difference ΔE {delta_e}); recolour it to one of the standard inks.</source>
        <translation>印色不均匀（平均色差 ΔE {delta_e}）；请改为一种标准印色。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="268" />
        <source>The ink edges are blurred over {width} mm (at most {maximum} mm). Hold the camera still, focus on the seal and use more light.</source>
        <translation>印迹边缘模糊宽度为 {width} 毫米（最多 {maximum} 毫米）。请拿稳相机、对准印章对焦，并增加光线。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="269" />
        <source>The ink edges look soft (sharpness {score}, {minimum} or more is usual).</source>
        <translation>印迹边缘不够清晰（清晰度 {score}，通常应不低于 {minimum}）。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="273" />
        <source>The key file asks for {n} password-hash iterations; at most {max} are accepted</source>
        <translation>密钥文件要求 {n} 次口令哈希迭代；最多接受 {max} 次</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="274" />
        <source>The key in the message does not decrypt a challenge for {id}</source>
        <translation>消息中的密钥无法解密 {id} 的挑战数据</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="275" />
        <source>The key in the message does not match the key registry's {id}</source>
        <translation>消息中的密钥与密钥登记处的 {id} 不一致</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="276" />
        <source>The key in the message is not the key {id} it names</source>
        <translation>消息中的密钥不是其声称的密钥 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="6" />
        <source>A PKCS#12 bag does not decrypt under the file's password</source>
        <translation>PKCS#12 文件中的一个数据包无法用该文件的密码解密</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="7" />
        <source>A QR code carries 64 to 2048 bytes of the file, not {n}</source>
        <translation>每个二维码承载文件的 64 至 2048 字节，而不是 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="8" />
        <source>A StampAnnot in {name} has no PageRef or Boundary</source>
        <translation>{name} 中有签章外观（StampAnnot）缺少 PageRef 或 Boundary</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="14" />
        <source>A file location points outside the OFD package: {loc}</source>
        <translation>文件位置指向 OFD 包之外：{loc}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="32" />
        <source>A signature in {name} has no ID or BaseLoc</source>
        <translation>{name} 中有签名缺少 ID 或 BaseLoc</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="34" />
        <source>A stamp of {name} is on page ID {page}, which the document lacks</source>
        <translation>{name} 的签章位于页面 ID {page}，但文档中没有该页</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="36" />
        <source>A time stamp is asked for over an SM3 digest (32 bytes)</source>
        <translation>时间戳只能对 SM3 摘要（32 字节）申请</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="37" />
        <source>A time stored in the database is damaged ({value})</source>
        <translation>数据库中保存的时间已损坏（{value}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="43" />
        <source>A {w} x {h} mm stamp at ({x}, {y}) does not fit on page {page} ({pw} x {ph} mm)</source>
        <translation>位于 ({x}, {y}) 的 {w} × {h} 毫米签章超出第 {page} 页（{pw} × {ph} 毫米）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="45" />
        <source>An RC2 key must be 1 to 128 bytes</source>
        <translation>RC2 密钥长度必须为 1 到 128 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="49" />
        <source>An earlier signature protects the signature list {name}: the document takes no further signature</source>
        <translation>已有签名保护了签名列表 {name}：该文档不允许再追加签名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="50" />
        <source>An empty file cannot be shown as QR codes</source>
        <translation>空文件无法显示为二维码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="51" />
        <source>An empty file location in the OFD package</source>
        <translation>OFD 包中有空的文件位置</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="82" />
        <source>Give trust anchors or licence rules, not both</source>
        <translation>请给出信任锚或许可规则，不能两者都给</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="92" />
        <source>No audit head of this keystore was countersigned for you</source>
        <translation>服务未曾为您会签本密钥库的审计日志头</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="94" />
        <source>No backup of {key} was sent to {record}</source>
        <translation>密钥 {key} 未曾备份给 {record}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="97" />
        <source>No free signature folder in the OFD package</source>
        <translation>OFD 包中没有可用的签名目录</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="116" />
        <source>No trust anchor was given to check the {what} against</source>
        <translation>未提供用于验证{what}的信任锚</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="117" />
        <source>No trusted time: checked as of now ({when})</source>
        <translation>无可信时间：按当前时间（{when}）检查</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="120" />
        <source>Not a part of a key-backup file's QR codes</source>
        <translation>这不是密钥备份文件的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="123" />
        <source>Not a valid peer card: {detail}</source>
        <translation>不是有效的对端名片：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="125" />
        <source>OFD.xml is not an OFD entry file</source>
        <translation>OFD.xml 不是 OFD 主入口文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="126" />
        <source>OFD.xml names no document (DocBody/DocRoot)</source>
        <translation>OFD.xml 未指明文档（DocBody/DocRoot）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="131" />
        <source>Page {n} of {doc} has no ID or BaseLoc</source>
        <translation>{doc} 的第 {n} 页缺少 ID 或 BaseLoc</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="132" />
        <source>Part {i} of a key-backup file's QR codes is damaged</source>
        <translation>密钥备份文件的第 {i} 个二维码已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="133" />
        <source>Part {i} of a key-backup file's QR codes was read twice, differently</source>
        <translation>密钥备份文件的第 {i} 个二维码两次读取的内容不同</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="134" />
        <source>Part {i} of {n} of a key-backup file's QR codes is out of range</source>
        <translation>密钥备份文件的二维码编号 {i}/{n} 超出范围</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="137" />
        <source>RC2-CBC data must be whole 8-byte blocks</source>
        <translation>RC2-CBC 数据必须是完整的 8 字节分组</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="139" />
        <source>Seal signature OK</source>
        <translation>印章签名有效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="140" />
        <source>Seal signature valid, but revocation NOT CHECKED: no current revocation list was given, so the signer's licence or the seal maker may have been revoked</source>
        <translation>印章签名有效，但未检查吊销：未提供当前的吊销列表，签名人的执照或制章者证书可能已被吊销</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="141" />
        <source>Signature {id} is a digital signature (Type {type}), not a GB/T 38540 seal signature: not verified</source>
        <translation>签名 {id} 是数字签名（类型 {type}），不是 GB/T 38540 电子签章：未验证</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="144" />
        <source>That person is not a manager or an agent of {code}</source>
        <translation>此人不是 {code} 的证照管理员或办事人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="147" />
        <source>The OFD document is not signed</source>
        <translation>该 OFD 文档未签章</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="148" />
        <source>The OFD file is larger than {n} bytes</source>
        <translation>OFD 文件大于 {n} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="149" />
        <source>The OFD package declares {size} bytes in all, more than {n}</source>
        <translation>OFD 包声明的总大小为 {size} 字节，超过 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="150" />
        <source>The OFD package has a file name that points elsewhere: {name}</source>
        <translation>OFD 包中有指向包外的文件名：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="151" />
        <source>The OFD package has an encrypted member: {name}</source>
        <translation>OFD 包中有加密的成员：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="152" />
        <source>The OFD package has more than {n} files</source>
        <translation>OFD 包中的文件超过 {n} 个</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="153" />
        <source>The OFD package has no {name}</source>
        <translation>OFD 包中没有 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="154" />
        <source>The OFD package holds {name} twice</source>
        <translation>OFD 包中 {name} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="157" />
        <source>The PKCS#12 file asks for more than {max} password-hash iterations in all</source>
        <translation>PKCS#12 文件要求的口令哈希迭代总数超过 {max} 次</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="158" />
        <source>The PKCS#12 file asks for {n} password-hash iterations; at most {max} are accepted</source>
        <translation>PKCS#12 文件要求 {n} 次口令哈希迭代，最多接受 {max} 次</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="159" />
        <source>The PKCS#12 file has no password integrity (MAC): not accepted</source>
        <translation>PKCS#12 文件没有口令完整性校验（MAC），不予接受</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="160" />
        <source>The PKCS#12 file holds {n} private keys; one is expected</source>
        <translation>PKCS#12 文件包含 {n} 个私钥，应只有一个</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="161" />
        <source>The PKCS#12 file is malformed: {detail}</source>
        <translation>PKCS#12 文件格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="162" />
        <source>The PKCS#12 password is not UTF-8 text</source>
        <translation>PKCS#12 密码不是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="164" />
        <source>The QR codes read do not make up the file they name (its SM3 differs): show them again</source>
        <translation>读取的二维码拼不出其所标明的文件（SM3 不符）：请重新显示</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="168" />
        <source>The audit log does not verify, so its head is not sent to be countersigned: {reason}</source>
        <translation>审计日志校验未通过，因此不提交其日志头会签：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="169" />
        <source>The audit log has no anchor to bind a countersigned head to</source>
        <translation>审计日志没有锚点，无法绑定会签的日志头</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="176" />
        <source>The authority root {fingerprint} is not trusted on this device: confirm its SHA-256 fingerprint with its holder (by phone or in person) and import their card with --trust-root</source>
        <translation>本设备不信任根证书 {fingerprint}：请与名片持有人（电话或当面）核对其 SHA-256 指纹，再用 --trust-root 导入其名片</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="185" />
        <source>The card in the file is of {name}, not of the message's sender</source>
        <translation>文件中的名片属于{name}，不是该消息的发送人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="186" />
        <source>The card of {name} is of another enterprise ({code})</source>
        <translation>{name}的名片属于其他企业（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="188" />
        <source>The certificate is for another purpose ({purposes}): it is not a licence</source>
        <translation>该证书用于其他用途（{purposes}）：不是证照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="191" />
        <source>The certificate is not for this private key</source>
        <translation>该证书与此私钥不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="192" />
        <source>The certificate marks an extension this verifier does not know as critical ({oid}): it is not used</source>
        <translation>该证书将本验证程序不认识的扩展标为关键扩展（{oid}）：不予使用</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="193" />
        <source>The certificate may not sign bid receipts (it lacks the receipt extended key usage)</source>
        <translation>该证书不能签署投标回执（缺少回执扩展密钥用途）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="194" />
        <source>The certificate of {subject} is not signed by the key of {issuer} (its signature or key identifier)</source>
        <translation>{subject} 的证书不是由 {issuer} 的密钥签发的（签名或密钥标识符不符）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="202" />
        <source>The certificate's key is not for signing as a licence holder (keyUsage: {usage})</source>
        <translation>该证书的密钥不能用于证照持有人签名（密钥用法：{usage}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="207" />
        <source>The container names another sender ({named}) than its signer ({signer}): it was re-signed or forged by someone else</source>
        <translation>此文件标明的发送方（{named}）与签名者（{signer}）不一致：文件已被他人重新签名或伪造</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="208" />
        <source>The container names another sender ({named}) than the licence that signed it: a bid is submitted by the bidder who made it</source>
        <translation>此文件标明的发送方（{named}）与签名的执照不一致：投标文件只能由制作它的投标人递交</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="209" />
        <source>The container names its sender by certificate ({named}): check it with the signer's certificate, not a bare public key</source>
        <translation>此文件以证书标明发送方（{named}）：请使用签名者的证书核验，而不是单独的公钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="212" />
        <source>The countersigned head {seq} is not a head of this audit log</source>
        <translation>会签的日志头 {seq} 不是本审计日志的日志头</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="217" />
        <source>The document has {n} pages; there is no page {page}</source>
        <translation>文档共 {n} 页，没有第 {page} 页</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="224" />
        <source>The encrypted private key is malformed: a {n}-byte key for {name}</source>
        <translation>加密私钥格式错误：{name} 使用了 {n} 字节的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="234" />
        <source>The file is not an OFD package (not a ZIP archive)</source>
        <translation>该文件不是 OFD 包（不是 ZIP 压缩包）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="251" />
        <source>The header names an unknown kind of sender ({kind})</source>
        <translation>文件头中的发送方类型未知（{kind}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="270" />
        <source>The intermediate {name} is not a certificate authority</source>
        <translation>中间证书 {name} 不是证书颁发机构</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="271" />
        <source>The intermediate {name} may not have this many CAs below it</source>
        <translation>中间证书 {name} 之下不允许有这么多级 CA</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="272" />
        <source>The intermediate {name} may not sign certificates</source>
        <translation>中间证书 {name} 不允许签发证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="277" />
        <source>The key is not an SM2 key (EC, {curve})</source>
        <translation>该密钥不是 SM2 密钥（EC，{curve}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="278" />
        <source>The key is not an SM2 key ({algorithm})</source>
        <translation>该密钥不是 SM2 密钥（{algorithm}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="279" />
        <source>The key {id} belongs to another enterprise: a key is backed up only to holders of the same enterprise's licence</source>
        <translation>密钥 {id} 属于其他企业：密钥只能备份给同一企业执照的持有人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="280" />
        <source>The key {id} is not in the key registry: apply for a key with `ebid key apply`</source>
        <translation>密钥 {id} 未在密钥登记处登记：请用 `ebid key apply` 申请密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="281" />
        <source>The key {id} is not one of your registered keys</source>
        <translation>密钥 {id} 不是您登记的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="282" />
        <source>The key {id} is on this device already</source>
        <translation>密钥 {id} 已在本设备上</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="283" />
        <source>The key {key} is on this device only: if this device is lost or broken before the opening, a bid encrypted to it cannot be opened. Back it up to a colleague's device (Keys page, or `ebid key backup`) and have them verify it, or accept the risk explicitly</source>
        <translation>密钥 {key} 仅在此设备上：如果开标前此设备丢失或损坏，用它加密的投标文件将无法解密。请把它备份到同事的设备（“密钥管理”页或 `ebid key backup`）并请对方完成备份验证，或明确接受这一风险</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="284" />
        <source>The key's algorithm identifier is malformed</source>
        <translation>密钥的算法标识格式错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="285" />
        <source>The keystore is locked: enter the licence password again</source>
        <translation>密钥库已锁定：请重新输入证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="286" />
        <source>The keystore {path} cannot be read: {reason}</source>
        <translation>无法读取密钥库 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="287" />
        <source>The keystore {path} was written by a newer version of EBid Desk (schema {rev}); update the app</source>
        <translation>密钥库 {path} 由更新版本的电子投标助手写入（结构版本 {rev}）；请升级本程序</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="288" />
        <source>The keystore's password record asks for Argon2id parameters outside what EBid Desk writes ({memory} KiB, t={iterations}, p={lanes}): the file was changed or is damaged</source>
        <translation>密钥库的密码记录要求的 Argon2id 参数（{memory} KiB，t={iterations}，p={lanes}）超出 EBid Desk 写入的范围：文件被改动或已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="289" />
        <source>The keystore's password record has format {version}, which this version of EBid Desk cannot read</source>
        <translation>密钥库的口令记录格式为 {version}，本版本电子投标助手无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="290" />
        <source>The keystore's password record is damaged</source>
        <translation>密钥库的口令记录已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="291" />
        <source>The legal representative cannot also be a manager</source>
        <translation>法定代表人不能同时担任证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="292" />
        <source>The legal representative must download the licence first</source>
        <translation>须由法定代表人首先下载执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="293" />
        <source>The licence does not verify against the authority: {m}</source>
        <translation>执照未能通过登记机关验证：{m}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="294" />
        <source>The licence has been revoked</source>
        <translation>该执照已被吊销</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="295" />
        <source>The licence is for enterprise {held}, not {wanted}</source>
        <translation>该执照属于企业 {held}，不是 {wanted}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="296" />
        <source>The licence is not authorised for {matter}</source>
        <translation>该执照未获授权办理 {matter}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="297" />
        <source>The licence is not of the enterprise that submitted this bid</source>
        <translation>该执照不属于递交此投标文件的企业</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="298" />
        <source>The licence names no holder</source>
        <translation>该执照未写明持有人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="299" />
        <source>The licence of the holder of {id} does not hold now: {reason}</source>
        <translation>{id} 持有人的证照当前无效：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="300" />
        <source>The licence of {name} in the card does not hold now: {reason}</source>
        <translation>名片中{name}的证照当前无效：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="301" />
        <source>The licence password must not be empty</source>
        <translation>证照密码不能为空</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="302" />
        <source>The licence password was changed: enter it again</source>
        <translation>证照密码已更改：请重新输入</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="303" />
        <source>The licence request is malformed: {detail}</source>
        <translation>执照申请格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="304" />
        <source>The licence request is not base64</source>
        <translation>执照申请不是 base64 编码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="305" />
        <source>The licence request is not signed by the device key it names</source>
        <translation>执照申请不是由其所写明的设备密钥签名的</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="306" />
        <source>The licence request nonce must be 16 to 64 bytes</source>
        <translation>执照申请的随机数须为 16 至 64 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="307" />
        <source>The licence request was made at {at}: check the device clock</source>
        <translation>执照申请的时间为 {at}：请检查本机时钟</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="308" />
        <source>The licence was issued but could not be stored on this device ({reason}); it has been revoked again (serial {serial}). Fix the cause and download it again</source>
        <translation>执照已签发，但无法保存到本设备（{reason}）；已将其重新注销（序列号 {serial}）。请排除原因后重新下载</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="309" />
        <source>The licence was issued by an authority this device does not trust ({issuer}): confirm the root's fingerprint with its holder and import their card with --trust-root</source>
        <translation>该证照由本设备不信任的认证机构签发（{issuer}）：请与持有人核对根证书指纹，再用 --trust-root 导入其名片</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="310" />
        <source>The licence {name} registered the key {id} with is {status}: it cannot receive a backup</source>
        <translation>{name} 登记密钥 {id} 所用的执照状态为 {status}：不能接收备份</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="311" />
        <source>The licence {serial} was issued but could not be stored on this device ({reason}), and revoking it failed too ({why}): ask the enterprise's legal representative to revoke it</source>
        <translation>执照 {serial} 已签发，但无法保存到本设备（{reason}），注销也失败了（{why}）：请联系企业法定代表人注销该执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="312" />
        <source>The licence's {what} extension is malformed: {detail}</source>
        <translation>执照的 {what} 扩展格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="313" />
        <source>The list of revoked seal authorisations is not usable: {detail}</source>
        <translation>印章授权撤销列表不可用：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="314" />
        <source>The mailbox of {id} holds {n} messages: it must fetch some first</source>
        <translation>{id} 的信箱已有 {n} 条消息：须先取走一些</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="315" />
        <source>The matter catalogue lists a code twice</source>
        <translation>事项目录中有重复的编码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="316" />
        <source>The message comes from another enterprise's licence</source>
        <translation>该消息来自其他企业的执照</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="317" />
        <source>The message is not sealed to the key {id}</source>
        <translation>该消息不是加密封装给密钥 {id} 的</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="318" />
        <source>The message is sealed to the key {id}, which this device does not hold</source>
        <translation>该消息加密封装给密钥 {id}，本设备没有该密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="319" />
        <source>The message names another enterprise than its sender's</source>
        <translation>该消息所写的企业与发送人的企业不同</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="320" />
        <source>The message names another sender than the licence that sent it</source>
        <translation>该消息所写的发送人与发送它的执照不同</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="321" />
        <source>The message {id} does not decrypt: altered in transit</source>
        <translation>消息 {id} 无法解密：传输中被篡改</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="322" />
        <source>The message {id} expired at {at}</source>
        <translation>消息 {id} 已于 {at} 过期</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="323" />
        <source>The message {id} is sealed to another key</source>
        <translation>消息 {id} 是加密封装给另一把密钥的</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="324" />
        <source>The message {id} was already handled on this device: a replay</source>
        <translation>消息 {id} 已在本设备处理过：属于重放</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="325" />
        <source>The message {id} was already posted</source>
        <translation>消息 {id} 已经投递过</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="326" />
        <source>The message {id} was altered or not signed by the licence it names</source>
        <translation>消息 {id} 被篡改，或并非由其所写的执照签名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="327" />
        <source>The message {id} was made at {at}, in the future: check the clock</source>
        <translation>消息 {id} 的生成时间为 {at}，晚于当前时间：请检查时钟</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="328" />
        <source>The module size must be at least 1 px and the border not negative</source>
        <translation>模块尺寸至少为 1 像素，边框不能为负数</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="329" />
        <source>The name and ID number do not match the registered person</source>
        <translation>姓名与身份号码与登记信息不符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="330" />
        <source>The new key {id} is not registered to the key's owner</source>
        <translation>新密钥 {id} 不是登记在密钥所有人名下的</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="331" />
        <source>The newest revocation list this device has of the authority {fingerprint} expired at {at}: ask a holder of that authority for a fresh card (`ebid key export-card`)</source>
        <translation>本设备保存的认证机构 {fingerprint} 的最新吊销列表已于 {at} 过期：请向该机构的证照持有人索取新的名片（`ebid key export-card`）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="332" />
        <source>The nonce must be 16 to 64 characters of base64url</source>
        <translation>随机数须为 16 至 64 个 base64url 字符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="333" />
        <source>The opening cannot be before the bid deadline</source>
        <translation>开标时间不能早于投标截止时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="334" />
        <source>The output folder {path} does not exist</source>
        <translation>输出文件夹 {path} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="335" />
        <source>The output path {path} is not a folder</source>
        <translation>输出路径 {path} 不是文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="336" />
        <source>The oval's axis ratio is {ratio}, but the chosen size needs {expected}.</source>
        <translation>椭圆的长短轴比为 {ratio}，但所选尺寸要求为 {expected}。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="337" />
        <source>The owner vetoed the recovery grant {id}: see `ebid key inbox`</source>
        <translation>密钥所有人已否决恢复授权 {id}：请查看 `ebid key inbox`</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="338" />
        <source>The package names another owner than its sender</source>
        <translation>备份包所写的所有人与其发送人不同</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="339" />
        <source>The peer card of {id} expired at {at}: ask its holder for a fresh card (`ebid key export-card`)</source>
        <translation>{id} 的对端名片已于 {at} 过期：请向其持有人索取新的名片（`ebid key export-card`）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="340" />
        <source>The peer card of {id} was altered or not signed by the licence it carries</source>
        <translation>{id} 的对端名片已被篡改，或并非由其所载证照签名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="341" />
        <source>The platform answered with another task than the QR code names</source>
        <translation>平台返回的任务不是二维码所指的任务</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="342" />
        <source>The platform asks for a seal of {wanted} ({code}); this licence is for {enterprise}</source>
        <translation>平台要求使用 {wanted}（{code}）的印章，而此执照属于 {enterprise}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="343" />
        <source>The platform takes at most {n} files for this task; {chosen} were chosen</source>
        <translation>本任务平台最多接收 {n} 个文件，已选择 {chosen} 个</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="344" />
        <source>The platform's receipt certificate is not one the authority issued for receipts: {detail}</source>
        <translation>平台的回执证书不是认证机构为回执签发的证书：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="345" />
        <source>The poll token does not belong to this task</source>
        <translation>查询令牌不属于此任务</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="346" />
        <source>The private key does not match its stored public key</source>
        <translation>私钥与其保存的公钥不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="347" />
        <source>The private key file is malformed: unknown version</source>
        <translation>私钥文件格式错误：版本未知</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="348" />
        <source>The private key file is malformed: {detail}</source>
        <translation>私钥文件格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="349" />
        <source>The private key is encrypted: a password is required</source>
        <translation>私钥已加密：需要输入口令</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="350" />
        <source>The private key is out of range for SM2</source>
        <translation>私钥超出 SM2 的取值范围</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="351" />
        <source>The proof does not verify with the registered key {id}</source>
        <translation>该证明无法用已登记的密钥 {id} 验证</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="352" />
        <source>The public key file is malformed: {detail}</source>
        <translation>公钥文件格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="353" />
        <source>The public key is not a point on the SM2 curve</source>
        <translation>公钥不是 SM2 曲线上的点</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="354" />
        <source>The public key is not base64</source>
        <translation>公钥不是 base64 编码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="355" />
        <source>The public key must be a 65-byte uncompressed or 33-byte compressed point</source>
        <translation>公钥必须是 65 字节的非压缩点或 33 字节的压缩点</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="356" />
        <source>The re-wrapped file key does not open this bid: {reason}</source>
        <translation>重新封装的文件密钥无法打开该投标文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="357" />
        <source>The re-wrapped file key is addressed to key {kid}, not to this task's opening key</source>
        <translation>重新封装的文件密钥是给密钥 {kid} 的，不是本任务的开标密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="358" />
        <source>The receipt's platform signature does not verify</source>
        <translation>回执上的交易平台签名验证失败</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="359" />
        <source>The receipt's signed fields differ from the answer</source>
        <translation>回执中签名的字段与平台的答复不一致</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="360" />
        <source>The receipt's signed time is not a time</source>
        <translation>回执中签名的时间不是有效时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="361" />
        <source>The recovery grant {id} takes effect at {at}</source>
        <translation>恢复授予 {id} 将于 {at} 生效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="362" />
        <source>The recovery grant {id} took effect at {at}: too late to veto</source>
        <translation>恢复授予 {id} 已于 {at} 生效：无法再否决</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="363" />
        <source>The request body is larger than this service accepts here ({n} bytes)</source>
        <translation>请求内容超过了服务在此处接受的大小（{n} 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="364" />
        <source>The request body stopped arriving for {s} seconds</source>
        <translation>请求内容已中断 {s} 秒未继续发送</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="365" />
        <source>The request comes from {name} ({masked}), not from the key's owner {owner} ({owner_masked})</source>
        <translation>该申请来自 {name}（{masked}），而不是密钥所有人 {owner}（{owner_masked}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="366" />
        <source>The request must be signed with the key it asks a licence for</source>
        <translation>申请必须用所申请执照对应的密钥签名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="367" />
        <source>The request signature does not verify with the licence's key</source>
        <translation>请求签名无法用该执照的密钥验证</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="368" />
        <source>The request was signed at {at} but the service time is {now}: check the clock</source>
        <translation>请求的签名时间为 {at}，而服务时间为 {now}：本机时钟与交易平台不一致，请校正时钟后重试</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="369" />
        <source>The resolution is {dpi} dpi at this size; at least {min_dpi} dpi is needed. Photograph the seal closer or with a better camera.</source>
        <translation>按此尺寸分辨率为 {dpi} dpi，至少需要 {min_dpi} dpi。请靠近拍摄或换用更好的相机。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="370" />
        <source>The resolution must be between 72 and 2400 dpi, not {dpi}</source>
        <translation>分辨率必须在 72 到 2400 dpi 之间，而不是 {dpi}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="371" />
        <source>The response was made at {at} but the platform's time is {now}: check the clock</source>
        <translation>应答的生成时间为 {at}，而平台时间为 {now}：请检查时钟</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="372" />
        <source>The response's {field} is not this task's</source>
        <translation>应答中的 {field} 与此任务不符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="373" />
        <source>The revocation list claims to be issued at {when}, in the future: it is not used</source>
        <translation>吊销列表声称签发于 {when}，晚于当前时间：不予使用</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="374" />
        <source>The revocation list expired at {when}: fetch a fresh one</source>
        <translation>证书撤销列表已于 {when} 过期：请获取新的列表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="375" />
        <source>The revocation list is malformed: {detail}</source>
        <translation>吊销列表格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="376" />
        <source>The revocation list is not signed SM2-with-SM3</source>
        <translation>吊销列表不是用 SM2-with-SM3 签名的</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="377" />
        <source>The revocation list was issued by another authority</source>
        <translation>吊销列表由其他机关签发</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="378" />
        <source>The revocation list's signature is invalid</source>
        <translation>吊销列表的签名无效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="379" />
        <source>The root certificate is not a certificate authority</source>
        <translation>根证书不是证书颁发机构证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="380" />
        <source>The root certificate is not self-issued</source>
        <translation>根证书不是自签发证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="381" />
        <source>The root certificate marks an extension this verifier does not know as critical ({oid}): it is not used</source>
        <translation>根证书将本验证程序不认识的扩展标为关键扩展（{oid}）：不予使用</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="382" />
        <source>The root certificate may not sign certificates</source>
        <translation>根证书无权签发证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="383" />
        <source>The same recipient key is listed twice</source>
        <translation>同一个接收者密钥被列了两次</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="384" />
        <source>The seal belongs to {seal_owner} ({seal_code}); the signer's licence is for {signer_owner} ({signer_code})</source>
        <translation>该印章属于 {seal_owner}（{seal_code}），签章人的执照属于 {signer_owner}（{signer_code}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="385" />
        <source>The seal catalogue is malformed: {reason}</source>
        <translation>印章目录格式错误：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="386" />
        <source>The seal catalogue {path} cannot be read: {reason}</source>
        <translation>无法读取印章目录 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="387" />
        <source>The seal imprint must be a PNG image</source>
        <translation>印模必须是 PNG 图片</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="388" />
        <source>The seal is not round (axis ratio {ratio}); straighten the photo or take it from straight above.</source>
        <translation>印章不圆（长短轴比 {ratio}）；请校正照片，或从正上方拍摄。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="389" />
        <source>The seal maker's certificate is not valid until {start}, after the seal was used at {used}</source>
        <translation>制章者证书自 {start} 起才生效，晚于印章的使用时间 {used}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="390" />
        <source>The seal maker's certificate: {detail}</source>
        <translation>制章机构证书：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="391" />
        <source>The seal office has no key yet: run `ebid service init` on the server</source>
        <translation>制章机构尚无密钥：请在服务器上运行 `ebid service init`</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="392" />
        <source>The seal office's key does not match its certificate</source>
        <translation>印章制作机构的密钥与其证书不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="393" />
        <source>The seal office's key files do not match</source>
        <translation>制章机构的密钥文件不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="394" />
        <source>The seal office's signature on the seal is invalid</source>
        <translation>印章上制章机构的签名无效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="395" />
        <source>The seal signature has a critical extension EBid Desk does not understand: {oid}</source>
        <translation>电子签章含有 EBid Desk 无法识别的关键扩展：{oid}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="396" />
        <source>The seal signature is not over the document's SM3</source>
        <translation>签章未针对该文件的 SM3 摘要</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="397" />
        <source>The seal size must be between 0 and 200 mm, not {w}×{h} mm</source>
        <translation>印章尺寸必须在 0 到 200 毫米之间，而不是 {w}×{h} 毫米</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="398" />
        <source>The seal was made with a certificate that may not make seals</source>
        <translation>制作该印章的证书无权制章</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="399" />
        <source>The seal {id} belongs to another enterprise</source>
        <translation>印章 {id} 属于其他企业</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="400" />
        <source>The seal {id} belongs to another enterprise than the licence's</source>
        <translation>印章 {id} 不属于此执照所属的企业</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="401" />
        <source>The seal {id} expired at {end}</source>
        <translation>印章 {id} 已于 {end} 过期</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="402" />
        <source>The seal {id} has a critical extension EBid Desk does not understand: {oid}</source>
        <translation>印章 {id} 含有 EBid Desk 无法识别的关键扩展：{oid}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="403" />
        <source>The seal {id} is not a seal of {wanted}, whose seal the platform asks for</source>
        <translation>印章 {id} 不是平台要求的 {wanted} 的印章</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="404" />
        <source>The seal {id} is not valid until {start}</source>
        <translation>印章 {id} 自 {start} 起才生效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="405" />
        <source>The secret does not belong to this task</source>
        <translation>密钥不属于此任务</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="406" />
        <source>The sender's licence does not hold now: {reason}</source>
        <translation>发送人的执照当前无效：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="407" />
        <source>The serial must be lower-case hex without leading zeros</source>
        <translation>序列号必须是不带前导零的小写十六进制数</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="408" />
        <source>The server pin file {path} is unreadable</source>
        <translation>无法读取服务器指纹文件 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="409" />
        <source>The service countersigned another entry {seq} of this audit log: the log was rewritten</source>
        <translation>服务曾会签本审计日志另一个第 {seq} 条记录：日志已被改写</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="410" />
        <source>The service countersigned head {seq} (counter {counter}) of this audit log; this head is older: the log was cut back or the keystore restored from an older copy</source>
        <translation>服务已会签本审计日志的日志头 {seq}（计数 {counter}）；此日志头更旧：日志被截短，或密钥库被还原为较早的副本</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="411" />
        <source>The service database cannot be opened: {reason}</source>
        <translation>无法打开服务数据库：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="412" />
        <source>The service database was written by a newer version (schema {rev})</source>
        <translation>服务数据库由更新的版本写入（结构版本 {rev}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="413" />
        <source>The service has no keys in {folder}: run `ebid service init` first</source>
        <translation>服务在 {folder} 中没有密钥：请先运行 `ebid service init`</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="414" />
        <source>The service returned a seal other than {id}</source>
        <translation>服务返回的印章不是 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="415" />
        <source>The service sent revocation list number {n}, older than number {seen} this device has already seen: it is not used (a revocation made since may be hidden)</source>
        <translation>服务端发来的吊销列表编号为 {n}，比本设备已见过的 {seen} 号更旧：不予使用（其后的吊销可能被隐瞒）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="416" />
        <source>The service's countersignature of audit head {seq} does not verify</source>
        <translation>服务对审计日志头 {seq} 的会签验证失败</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="417" />
        <source>The signature claims a signing time ({claimed}) later than its time stamp ({stamped})</source>
        <translation>签章声称的签署时间（{claimed}）晚于其时间戳的时间（{stamped}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="418" />
        <source>The signature claims a signing time ({claimed}) later than the platform received the bid ({received})</source>
        <translation>签名声称的签署时间（{claimed}）晚于平台收到投标文件的时间（{received}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="419" />
        <source>The signature claims a signing time in the future: {when}</source>
        <translation>签名声称的签署时间在未来：{when}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="420" />
        <source>The signature does not match {path}: the file was changed or signed by another key</source>
        <translation>签名与 {path} 不符：文件被改动过，或是用其他密钥签的名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="421" />
        <source>The signature file {name} is missing</source>
        <translation>签名文件 {name} 缺失</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="422" />
        <source>The signature is not valid</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="423" />
        <source>The signature is not valid (r or s out of range)</source>
        <translation>签名无效（r 或 s 超出范围）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="424" />
        <source>The signature was time-stamped ({stamped}) after the platform received the bid ({received})</source>
        <translation>签名的时间戳（{stamped}）晚于平台收到投标文件的时间（{received}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="425" />
        <source>The signature's file {name} is missing</source>
        <translation>签名所需的文件 {name} 缺失</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="426" />
        <source>The signature's time stamp: {detail}</source>
        <translation>签章的时间戳：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="427" />
        <source>The signed text is not a bid receipt</source>
        <translation>所签内容不是投标回执</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="428" />
        <source>The signer's certificate is not listed in the seal</source>
        <translation>签章人的证书未列在印章中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="429" />
        <source>The signer's certificate is not one the seal {id} lists</source>
        <translation>签章人的证书不在印章 {id} 所列的证书中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="430" />
        <source>The signer's certificate is not the certificate of the signing key</source>
        <translation>签名者证书与签名密钥不对应</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="431" />
        <source>The signer's licence: {detail}</source>
        <translation>签章人的执照：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="432" />
        <source>The signer's signature is invalid</source>
        <translation>签章人的签名无效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="433" />
        <source>The signing key does not match the signer's certificate</source>
        <translation>签名密钥与签名人证书不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="434" />
        <source>The stamp needs a positive width and a position on the page</source>
        <translation>签章需要正的宽度和页面上的位置</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="435" />
        <source>The stored licence certificate cannot be read</source>
        <translation>无法读取存储的执照证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="436" />
        <source>The stored public key of {table} #{id} is not its private key's: the keystore file was changed without the password. Nothing was encrypted to it</source>
        <translation>{table} #{id} 中保存的公钥与其私钥不符：密钥库文件在没有密码的情况下被改动过。没有用它加密任何文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="437" />
        <source>The stored seal {id} cannot be read</source>
        <translation>无法读取本机保存的印章 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="438" />
        <source>The task comes from {name}, a platform this device does not trust</source>
        <translation>任务来自 {name}，本设备不信任该平台</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="439" />
        <source>The task comes from {name}, whose certificate does not verify: {detail}</source>
        <translation>任务来自 {name}，其证书验证失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="440" />
        <source>The task comes from {name}, whose certificate may not sign tasks</source>
        <translation>任务来自 {name}，其证书无权签署任务</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="441" />
        <source>The task comes without a readable platform certificate</source>
        <translation>任务未附带可读的平台证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="442" />
        <source>The task document is not canonical JSON</source>
        <translation>任务文档不是规范 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="443" />
        <source>The task document lacks a field or has a wrong one</source>
        <translation>任务文档缺少字段或字段有误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="444" />
        <source>The task expired at {at}</source>
        <translation>任务已于 {at} 过期</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="445" />
        <source>The task has version {version}; this device knows version 1</source>
        <translation>任务版本为 {version}；本设备只支持版本 1</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="446" />
        <source>The task names the platform {claimed} at {url}, but it came from {base} signed by {name}</source>
        <translation>任务声称来自位于 {url} 的平台 {claimed}，但实际来自 {base}，由 {name} 签名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="447" />
        <source>The task names {base} without https: its secret would cross the network in clear</source>
        <translation>任务地址 {base} 未使用 https：其密钥将以明文在网络上传输</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="448" />
        <source>The task response is not canonical JSON</source>
        <translation>任务应答不是规范 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="449" />
        <source>The task response lacks a field or has a wrong one</source>
        <translation>任务应答缺少字段或字段有误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="450" />
        <source>The task response's signature does not verify with the licence's key</source>
        <translation>任务应答的签名无法用执照密钥验证</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="451" />
        <source>The task type {type} is unknown to this device</source>
        <translation>本设备不认识任务类型 {type}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="452" />
        <source>The task was made at {at}, later than this device's time {now}: check the clock</source>
        <translation>任务生成于 {at}，晚于本设备时间 {now}：请检查时钟</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="453" />
        <source>The task {task} is for {p}/{s}, not {code}/{section}</source>
        <translation>任务 {task} 属于 {p}/{s}，不是 {code}/{section}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="454" />
        <source>The task {task} was made for another enterprise</source>
        <translation>任务 {task} 是为其他企业生成的</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="455" />
        <source>The task's platform signature does not verify</source>
        <translation>任务的平台签名验证失败</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="456" />
        <source>The time stamp comes from an authority we do not trust: {issuer}</source>
        <translation>该时间戳来自不受信任的机构：{issuer}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="457" />
        <source>The time stamp does not carry its authority's certificate</source>
        <translation>该时间戳未携带时间戳机构的证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="458" />
        <source>The time stamp is malformed</source>
        <translation>时间戳格式错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="459" />
        <source>The time stamp is malformed: {detail}</source>
        <translation>时间戳格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="460" />
        <source>The time stamp is over other data</source>
        <translation>该时间戳针对的是其他数据</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="461" />
        <source>The time stamp is signed with a certificate that may not stamp time (it needs the time-stamping extended key usage, critical and alone)</source>
        <translation>该时间戳的签名证书无权签发时间戳（需要唯一且关键的时间戳扩展密钥用途）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="462" />
        <source>The time stamp's genTime lies outside its authority's certificate: {detail}</source>
        <translation>时间戳的生成时间不在其机构证书的有效期内：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="463" />
        <source>The time stamp's messageDigest does not match its TSTInfo</source>
        <translation>时间戳的 messageDigest 与其 TSTInfo 不符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="464" />
        <source>The time stamp's signing certificate attribute does not name its signer</source>
        <translation>时间戳的签名证书属性未指向其签名者</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="465" />
        <source>The time-stamp reply does not answer our request (nonce)</source>
        <translation>时间戳响应不是对本请求的应答（随机数不符）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="466" />
        <source>The time-stamp reply is malformed</source>
        <translation>时间戳响应格式错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="467" />
        <source>The time-stamp reply is too large</source>
        <translation>时间戳响应过大</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="468" />
        <source>The time-stamp request is malformed</source>
        <translation>时间戳请求格式错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="469" />
        <source>The time-stamp request is not a plain version 1 request</source>
        <translation>时间戳请求不是普通的第 1 版请求</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="470" />
        <source>The time-stamp request is not over an SM3 digest</source>
        <translation>时间戳请求不是针对 SM3 摘要</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="471" />
        <source>The time-stamp request is too large</source>
        <translation>时间戳请求过大</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="472" />
        <source>The time-stamping authority refused: {detail}</source>
        <translation>时间戳机构拒绝：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="473" />
        <source>The time-stamping authority takes {media} only</source>
        <translation>时间戳机构只接受 {media}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="474" />
        <source>The time-stamping authority's certificate: {detail}</source>
        <translation>时间戳机构的证书：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="475" />
        <source>The time-stamping authority's key files do not match</source>
        <translation>时间戳机构的密钥文件不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="476" />
        <source>The time-stamping authority's signature is invalid</source>
        <translation>时间戳机构的签名无效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="477" />
        <source>The trust anchor {name} is not a certificate authority</source>
        <translation>信任锚 {name} 不是证书颁发机构</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="478" />
        <source>The upload is not a BIDX container: {d}</source>
        <translation>交易平台拒收该文件：它不是加密的投标文件（{d}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="479" />
        <source>The veto does not come from the key's owner</source>
        <translation>该否决并非来自密钥所有人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="480" />
        <source>The waiting period is 0 to 72 hours, not {n}</source>
        <translation>等待期为 0 至 72 小时，不能为 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="481" />
        <source>The withdrawal does not come from the key's owner</source>
        <translation>该撤回并非来自密钥所有人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="482" />
        <source>The wrapped file key for your key id {kid} has the wrong size</source>
        <translation>您的密钥（标识 {kid}）对应的封装文件密钥大小不对</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="483" />
        <source>The wrapped file key for your key id {kid} is damaged</source>
        <translation>您的密钥（标识 {kid}）对应的封装文件密钥已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="484" />
        <source>The {what} expired at {end}</source>
        <translation>{what}已于 {end} 过期</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="485" />
        <source>The {what} is longer than {limit} bytes</source>
        <translation>{what}超过 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="486" />
        <source>The {what} is malformed</source>
        <translation>{what}格式错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="487" />
        <source>The {what} is malformed: {detail}</source>
        <translation>{what}格式错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="488" />
        <source>The {what} is not valid until {start}</source>
        <translation>{what}自 {start} 起才生效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="489" />
        <source>The {what} is {description}, which EBid Desk does not read</source>
        <translation>该{what}是{description}，EBid Desk 不支持读取</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="490" />
        <source>The {what} may not sign (its key usage forbids it)</source>
        <translation>{what}不允许签名（密钥用法禁止）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="491" />
        <source>The {what} must be 1 to {n} characters</source>
        <translation>{what}须为 1 至 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="492" />
        <source>The {what} signature is malformed (unused bits in its BIT STRING)</source>
        <translation>{what}的签名格式错误（BIT STRING 含未用位）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="493" />
        <source>The {what} was issued by an authority that is not trusted: {issuer}</source>
        <translation>{what}由不受信任的机构签发：{issuer}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="494" />
        <source>The {what}'s chain is longer than {n} certificates</source>
        <translation>{what}的证书链超过 {n} 张证书</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="495" />
        <source>There are no files to encrypt</source>
        <translation>没有要加密的文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="496" />
        <source>There is no task {task}</source>
        <translation>不存在任务 {task}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="497" />
        <source>There is nothing to encrypt (empty message)</source>
        <translation>没有可加密的内容（消息为空）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="498" />
        <source>This QR code is not a task of an e-bidding platform</source>
        <translation>此二维码不是电子招投标平台的任务</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="499" />
        <source>This container uses BIDX version {v}; this program reads versions 1 and 2</source>
        <translation>此文件使用 BIDX 第 {v} 版格式；本程序可读取第 1 版和第 2 版</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="500" />
        <source>This device already has an identity key</source>
        <translation>本设备已有身份密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="501" />
        <source>This device holds no backup of {id}: only its backup holder can confirm</source>
        <translation>本设备没有 {id} 的备份：只有其备份持有人可以确认恢复</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="502" />
        <source>This device holds no key that opens the bid {file}: it was encrypted to {keys}</source>
        <translation>本设备没有能打开投标文件 {file} 的密钥：该文件加密给了 {keys}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="503" />
        <source>This device holds no key that opens this container</source>
        <translation>本设备没有能打开此文件的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="504" />
        <source>This device holds no key that opens {name}</source>
        <translation>本设备没有能打开 {name} 的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="505" />
        <source>This device sent no backup package {id}</source>
        <translation>本设备没有发出过备份包 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="506" />
        <source>This device sent no recovery request {id}</source>
        <translation>本设备没有发出过恢复申请 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="507" />
        <source>This file is not encrypted to your key (key id {kid}); its recipients are {ids}</source>
        <translation>该文件不是用您的密钥（标识 {kid}）加密的；它的接收者是 {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="508" />
        <source>This is not a BIDX bid container (wrong magic bytes)</source>
        <translation>这不是 BIDX 加密标书（文件标识不对）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="509" />
        <source>This keystore already has a licence password</source>
        <translation>此密钥库已设置证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="510" />
        <source>This keystore's audit log is countersigned for another holder</source>
        <translation>本密钥库的审计日志已为另一持有人会签</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="511" />
        <source>This licence has no encryption key on this device: apply for one on the Bids page first</source>
        <translation>该执照在本设备上没有加密密钥：请先在“标书文件”页申请密钥</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="512" />
        <source>This licence request was already used</source>
        <translation>该执照申请已被使用过</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="513" />
        <source>This request must be signed with a licence key; missing headers: {names}</source>
        <translation>此请求须用执照密钥签名；缺少请求头：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="514" />
        <source>This signed request was already used</source>
        <translation>此签名请求已被使用过</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="515" />
        <source>This task was already answered: a QR code is good for one answer</source>
        <translation>此任务已被应答：一个二维码只能应答一次</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="516" />
        <source>Too many wrong licence passwords: wait {seconds} s before trying again</source>
        <translation>证照密码错误次数过多：请等待 {seconds} 秒后再试</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="517" />
        <source>Trusted time: checked as of the time stamp, {when}</source>
        <translation>可信时间：按时间戳时间 {when} 检查</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="518" />
        <source>Unknown SM2 backend {name}</source>
        <translation>未知的 SM2 实现 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="519" />
        <source>Unknown SM2 ciphertext layout {layout}</source>
        <translation>未知的 SM2 密文格式 {layout}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="520" />
        <source>Unknown border mode {border}</source>
        <translation>未知的边缘模式 {border}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="521" />
        <source>Unknown cipher suite {name}; use sm4 or aes</source>
        <translation>未知的密码套件 {name}；请使用 sm4 或 aes</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="522" />
        <source>Unknown ink colour {name}; choose one of {choices}</source>
        <translation>未知印色 {name}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="523" />
        <source>Unknown key-file encryption {scheme}</source>
        <translation>未知的密钥文件加密方式 {scheme}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="524" />
        <source>Unknown matter {code}</source>
        <translation>未知事项 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="525" />
        <source>Unknown revocation reason {reason}</source>
        <translation>未知的吊销原因 {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="526" />
        <source>Unknown seal shape {shape}</source>
        <translation>未知的印章形状 {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="527" />
        <source>Unknown seal shape {shape} in the catalogue</source>
        <translation>印章目录中有未知的印章形状 {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="528" />
        <source>Unknown seal type {code}</source>
        <translation>未知的印章类型 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="529" />
        <source>Unknown seal type {type}</source>
        <translation>未知的印章类型 {type}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="530" />
        <source>Unknown {what} in the licence: {value}</source>
        <translation>执照中有未知的{what}：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="531" />
        <source>Unsupported PKCS#12 MAC PBMAC1 (OpenSSL 3.4 and later write it)</source>
        <translation>不支持的 PKCS#12 MAC：PBMAC1（OpenSSL 3.4 及以后版本生成）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="532" />
        <source>Unsupported PKCS#12 content {kind} (only password-encrypted bags are read)</source>
        <translation>不支持的 PKCS#12 内容 {kind}（仅支持口令加密的数据包）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="533" />
        <source>Unsupported PKCS#12 content {kind}: data was expected</source>
        <translation>不支持的 PKCS#12 内容 {kind}：应为 data</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="534" />
        <source>Unsupported PKCS#12 digest {name}</source>
        <translation>不支持的 PKCS#12 摘要算法 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="535" />
        <source>Unsupported PKCS#12 encryption {name}</source>
        <translation>不支持的 PKCS#12 加密算法 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="536" />
        <source>Unsupported key-file cipher {name}</source>
        <translation>不支持的密钥文件加密算法 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="537" />
        <source>Unsupported key-file encryption {name}</source>
        <translation>不支持的密钥文件加密方式 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="538" />
        <source>Unsupported key-file password hash {name}</source>
        <translation>不支持的密钥文件口令哈希 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="539" />
        <source>Unsupported key-file password hash {prf}</source>
        <translation>不支持的密钥文件口令哈希 {prf}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="540" />
        <source>Unsupported licence request version {v}</source>
        <translation>不支持的执照申请版本 {v}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="541" />
        <source>Wrong licence password</source>
        <translation>证照密码错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="542" />
        <source>Wrong licence password ({count} wrong in a row)</source>
        <translation>证照密码错误（已连续错误 {count} 次）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="543" />
        <source>Wrong licence password ({count} wrong in a row); wait {seconds} s before trying again</source>
        <translation>证照密码错误（已连续错误 {count} 次）；请等待 {seconds} 秒后再试</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="544" />
        <source>Wrong password for the PKCS#12 file (or the file was altered)</source>
        <translation>PKCS#12 文件密码错误（或文件已被篡改）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="545" />
        <source>Wrong password for the private key</source>
        <translation>私钥口令错误</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="546" />
        <source>header MAC</source>
        <translation>文件头 MAC</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="547" />
        <source>invalid request</source>
        <translation>无效请求</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="548" />
        <source>sender digest</source>
        <translation>发送方摘要</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="549" />
        <source>{holder} is an agent without an authorisation for the seal {id} at {when}</source>
        <translation>{holder} 是办事人，在 {when} 没有印章 {id} 的用章授权</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="550" />
        <source>{name} claims an empty picture ({width}×{height})</source>
        <translation>{name} 声称图片尺寸为空（{width}×{height}）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="551" />
        <source>{name} declares a document type or entities, which OFD never needs: refused</source>
        <translation>{name} 声明了文档类型或实体，OFD 从不需要：已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="552" />
        <source>{name} has not applied for a key on their device: ask them to apply for a key (申请密钥) first; then they are listed as a backup holder</source>
        <translation>{name} 尚未在其设备上申请密钥：请其先申请密钥，之后即会列为可备份的持有人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="553" />
        <source>{name} holds no current authorisation from {enterprise}</source>
        <translation>{name} 没有 {enterprise} 当前有效的授权</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="554" />
        <source>{name} holds several authorisations: choose one</source>
        <translation>{name} 持有多个授权：请选择一个</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="555" />
        <source>{name} in the OFD package declares {size} bytes, more than {n}</source>
        <translation>OFD 包中的 {name} 声明为 {size} 字节，超过 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="556" />
        <source>{name} in the OFD package expands {ratio} times: a zip bomb</source>
        <translation>OFD 包中的 {name} 解压后膨胀 {ratio} 倍：压缩炸弹</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="557" />
        <source>{name} in the OFD package is damaged</source>
        <translation>OFD 包中的 {name} 已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="558" />
        <source>{name} in the OFD package is larger than it declares</source>
        <translation>OFD 包中的 {name} 比其声明的更大</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="559" />
        <source>{name} is a folder, not an image</source>
        <translation>{name} 是文件夹，不是图片</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="560" />
        <source>{name} is already a licence manager</source>
        <translation>{name} 已是证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="561" />
        <source>{name} is damaged: the {kind} data cannot be decoded</source>
        <translation>{name} 已损坏：无法解码其中的 {kind} 数据</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="562" />
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="563" />
        <source>{name} is not UTF-8 XML</source>
        <translation>{name} 不是 UTF-8 编码的 XML</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="564" />
        <source>{name} is not a PNG, JPEG, BMP or WebP image</source>
        <translation>{name} 不是 PNG、JPEG、BMP 或 WebP 图片</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="565" />
        <source>{name} is not a usable signature file: {detail}</source>
        <translation>{name} 不是可用的签名描述文件：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="566" />
        <source>{name} is not an OFD signature list</source>
        <translation>{name} 不是 OFD 签名列表文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="567" />
        <source>{name} is not an agent of this enterprise: authorise them as an agent first</source>
        <translation>{name} 不是该企业的办事人：请先在“执照”页授权其为办事人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="568" />
        <source>{name} is not the seal inside the seal signature</source>
        <translation>{name} 与电子签章数据中的印章不一致</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="569" />
        <source>{name} is not well-formed XML: {detail}</source>
        <translation>{name} 不是格式正确的 XML：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="570" />
        <source>{name} is not what the seal signature signed: it was changed, or the signed value belongs to another signature</source>
        <translation>{name} 不是电子签章所签的内容：它已被修改，或签名值属于另一个签名</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="571" />
        <source>{name} is too large to scan ({size} MB)</source>
        <translation>{name} 太大，无法扫描（{size} MB）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="572" />
        <source>{name} is too large to scan: {width}×{height} pixels (at most {limit} megapixels)</source>
        <translation>{name} 太大，无法扫描：{width}×{height} 像素（最多 {limit} 百万像素）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="573" />
        <source>{name} is truncated: the {kind} file ends early</source>
        <translation>{name} 不完整：该 {kind} 文件提前结束</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="574" />
        <source>{name} key must be {size} bytes, got {got}</source>
        <translation>{name} 密钥应为 {size} 字节，实际为 {got} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="575" />
        <source>{name} protects no file</source>
        <translation>{name} 未保护任何文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="576" />
        <source>{name} uses the check method {method}, not SM3</source>
        <translation>{name} 使用的摘要方法是 {method}，不是 SM3</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="577" />
        <source>{name} uses the signature method {method}, not SM2-with-SM3</source>
        <translation>{name} 使用的签名方法是 {method}，不是 SM2-with-SM3</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="578" />
        <source>{name} was changed after signing: its SM3 is not the check value</source>
        <translation>{name} 在签章后被修改：其 SM3 杂凑值与校验值不符</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="579" />
        <source>{name}, which the signature protects, is missing</source>
        <translation>签名所保护的 {name} 缺失</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="581" />
        <source>{path} already exists</source>
        <translation>{path} 已存在</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="582" />
        <source>{path} grew while it was being encrypted; try again</source>
        <translation>{path} 在加密过程中变大了；请重试</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="583" />
        <source>{path} is a folder, not a keystore file</source>
        <translation>{path} 是文件夹，不是密钥库文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="584" />
        <source>{path} is not a regular file</source>
        <translation>{path} 不是普通文件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="585" />
        <source>{path} shrank while it was being encrypted; try again</source>
        <translation>{path} 在加密过程中变小了；请重试</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="586" />
        <source>{percent}% of the visible pixels are not ink (paper or background left over). Make the background transparent.</source>
        <translation>可见像素中有 {percent}% 不是印迹（残留纸张或背景）。请将背景处理为透明。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="587" />
        <source>{size} bytes do not fit in one QR code</source>
        <translation>{size} 字节的内容放不进一个二维码</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="588" />
        <source>{size} bytes is more than a key-backup file holds</source>
        <translation>{size} 字节超出了密钥备份文件的上限</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="589" />
        <source>{url} is not a service address such as https://host:port</source>
        <translation>{url} 不是服务地址（应形如 https://主机:端口）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="590" />
        <source>{url} is plain http:// to another computer: licence requests carry ID numbers, so only https:// is used over a network (http:// only for 127.0.0.1)</source>
        <translation>{url} 是通往另一台计算机的明文 http:// 地址：执照申请含有身份证号，因此经网络只使用 https://（http:// 仅用于本机 127.0.0.1）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="591" />
        <source>{what} is not a box: {text}</source>
        <translation>{what} 不是有效的矩形区域：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="592" />
        <source>{where}: {detail}</source>
        <translation>{where}：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_generated.py" line="580" />
        <location filename="../../ui/licences/fields.py" line="19" />
        <source>{number} is not a mainland mobile number (11 digits starting 13-19)</source>
        <translation>{number} 不是中国大陆手机号码（以 13–19 开头的 11 位数字）</translation>
    </message>
</context>
<context>
    <name>licences</name>
    <message>
        <location filename="../../ui/licences/roles.py" line="14" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/roles.py" line="15" />
        <source>Licence manager</source>
        <translation>证照管理员</translation>
    </message>
    <message>
        <location filename="../../ui/licences/roles.py" line="16" />
        <source>Agent</source>
        <translation>办事人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="51" />
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="53" />
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="54" />
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="60" />
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="62" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="64" />
        <source>Not yet valid: starts in {time}</source>
        <translation>尚未生效：{time}后开始</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="66" />
        <source>Active: ends in {time}</source>
        <translation>有效：{time}后到期</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="67" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="82" />
        <source>All business</source>
        <translation>全业务</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="136" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="136" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="137" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="138" />
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="138" />
        <source>Matters</source>
        <translation>授权事项</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="139" />
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="139" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/licences/model.py" line="140" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <location filename="../../ui/licences/fields.py" line="14" />
        <source>Use at least 8 characters</source>
        <translation>至少使用 8 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="15" />
        <source>Do not use your name, ID number or phone number</source>
        <translation>不要使用您的姓名、身份号码或手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="16" />
        <source>Too easy to guess: add words or characters that are not common patterns</source>
        <translation>太容易猜到：请加入不常见的词语或字符</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="27" />
        <source>Very weak</source>
        <translation>非常弱</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="27" />
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="27" />
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="27" />
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="27" />
        <source>Very strong</source>
        <translation>非常强</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="67" />
        <source>&amp;New licence password:</source>
        <translation>新证照密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="68" />
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="69" />
        <source>Strength:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="70" />
        <source>New licence password</source>
        <translation>新证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="71" />
        <source>Repeat the new licence password</source>
        <translation>再次输入新证照密码</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="72" />
        <source>Password strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <location filename="../../ui/licences/fields.py" line="83" />
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
</TS>